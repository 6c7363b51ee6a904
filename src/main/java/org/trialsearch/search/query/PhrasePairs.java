package org.trialsearch.search.query;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.trialsearch.index.Fields;
import org.trialsearch.index.TextAnalysis;

/**
 * Phrases looked up in the pairs fields ({@link Fields#pairsOf}): "cell transplant" is one term
 * there, "acute myeloid leukemia" the pairs "acute myeloid" and "myeloid leukemia" one position
 * apart. The trials found are those the phrase finds; what is read is the postings of its pairs,
 * not the positions of its words in every trial that holds them all. Only phrases of words in a
 * row: a phrase with a stop word inside, or with synonyms, is searched as a phrase.
 */
public final class PhrasePairs {

  private PhrasePairs() {}

  /** The phrase as its pairs, when it is one that pairs find; else the query itself. */
  public static Query of(Query query) {
    if (!(query instanceof PhraseQuery phrase) || phrase.getSlop() != 0) return query;
    Term[] words = phrase.getTerms();
    int[] positions = phrase.getPositions();
    if (words.length < 2 || !Fields.PAIRED_FIELDS.contains(phrase.getField())) return query;
    for (int i = 1; i < positions.length; i++) {
      if (positions[i] != positions[0] + i) return query;
    }
    String field = Fields.pairsOf(phrase.getField());
    if (words.length == 2) return new TermQuery(pairTerm(field, words[0], words[1]));
    PhraseQuery.Builder pairs = new PhraseQuery.Builder();
    for (int i = 0; i + 1 < words.length; i++) pairs.add(pairTerm(field, words[i], words[i + 1]), i);
    return pairs.build();
  }

  private static Term pairTerm(String field, Term word, Term next) {
    return new Term(field, TextAnalysis.pair(word.text(), next.text()));
  }

  /** The phrase a pairs query looks up, over the text field it pairs (for snippets); null when the terms are no pairs. */
  public static Query phraseOf(Term... pairs) {
    if (pairs.length == 0) return null;
    String field = Fields.pairedBy(pairs[0].field());
    if (field == null) return null;
    PhraseQuery.Builder phrase = new PhraseQuery.Builder();
    String[] first = TextAnalysis.unpair(pairs[0].text());
    phrase.add(new Term(field, first[0]));
    phrase.add(new Term(field, first[1]));
    for (int i = 1; i < pairs.length; i++) phrase.add(new Term(field, TextAnalysis.unpair(pairs[i].text())[1]));
    return phrase.build();
  }
}
