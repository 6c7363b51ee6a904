package org.trialsearch.search.query;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.spans.SpanMultiTermQueryWrapper;
import org.apache.lucene.queries.spans.SpanNearQuery;
import org.apache.lucene.queries.spans.SpanQuery;
import org.apache.lucene.queries.spans.SpanTermQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.trialsearch.index.Fields;
import org.trialsearch.index.TextAnalysis;

/**
 * The trials that define an abbreviation of the vocabulary in a sense of their own: "Chuvash
 * polycythemia (CP)" where the vocabulary's CP is cerebral palsy, "emergency department (ED)",
 * "time to progression (TTP)", leucovorin calcium with the other name "CF". Their letters match a
 * query for the abbreviation, or for what it stands for, without meaning it. And the trials that
 * write letters of several senses without any of them ("ICH/GCP"), where the letters may mean
 * anything.
 */
final class OtherSenses {

  /**
   * Words of a sense too common to tell one sense from another: "progressive disease (PD)" is not
   * Parkinson's disease.
   */
  private static final Set<String> COMMON_WORDS = Set.of("disease", "syndrome", "disorder", "cell", "type", "acute", "chronic", "primary");
  /** The shortest word of a sense that tells it. */
  private static final int TELLING_WORD = 4;
  /** Letters enough for a word's forms to share them ("myelodysplasia", "myelodysplastic"). */
  private static final int WORD_STEM = 6;
  /**
   * How far after the letters a definition's long form may name a word of the sense (each
   * definition is one value; the letters may also stand inside another's long form, which can only
   * make a definition agree).
   */
  private static final int LONG_FORM_WORDS = 8;

  /** Where a record writes what its letters stand for. */
  private static final List<String> WRITTEN_IN =
      List.of(Fields.TITLE, Fields.CONDITION, Fields.INTERVENTION, Fields.KEYWORD, Fields.SUMMARY, Fields.INCLUSION, Fields.EXCLUSION, Fields.CRITERIA);

  /** The letters, by the letters and by each sense in lower case. */
  private final Map<String, String> lettersByText = new HashMap<>();
  /** The trials that define the letters otherwise, built once for all queries. */
  private final Map<String, Query> definingOtherwise = new HashMap<>();
  /** For the letters of several senses, the trials that write none of them out: built once. */
  private final Map<String, Query> explainingNone = new HashMap<>();
  private final Analyzer analyzer;

  OtherSenses(TextAnalysis analysis) {
    this.analyzer = analysis.plain();
    analysis.senses().forEach((letters, names) -> {
      Query otherwise = definingOtherwise(letters, names);
      if (otherwise == null) return;
      definingOtherwise.put(letters, otherwise);
      lettersByText.put(letters, letters);
      names.forEach(name -> lettersByText.putIfAbsent(name.toLowerCase(Locale.ROOT), letters));
      if (analysis.ambiguousLetters().contains(letters)) explainingNone.put(letters, explainingNone(analysis, letters, names));
    });
  }

  /**
   * The trials that write none of the senses of letters that as often mean something else, and
   * define them in none: "ICH/GCP" in a leukaemia trial, "FEV1 (post-BD)" in a trial of
   * alpha-1 antitrypsin, "CF: carboplatin and fluorouracil". Their letters are weak evidence of
   * any sense; null when the text is not such letters.
   */
  Query explainingNone(String text) {
    return explainingNone.get(text.strip());
  }

  private Query explainingNone(TextAnalysis analysis, String letters, List<String> senses) {
    BooleanQuery.Builder explained = new BooleanQuery.Builder().add(new TermQuery(new Term(Fields.ABBREVIATION, letters)), Occur.SHOULD);
    for (String word : tellingWords(senses)) {
      for (String term : analysis.terms(word)) {
        for (String field : WRITTEN_IN) explained.add(new TermQuery(new Term(field, term)), Occur.SHOULD);
      }
    }
    return new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.FILTER).add(explained.build(), Occur.MUST_NOT).build();
  }

  /**
   * The trials that define the letters a text is, or stands for, and in none of the vocabulary's
   * senses; null when the text is no abbreviation of the vocabulary nor a sense of one. A
   * definition agrees with a sense when its long form shares a telling word of it, in any form:
   * "adult respiratory distress syndrome (ARDS)", "chronic heart failure (CHF)" and "myelodysplasia
   * (MDS)" are the vocabulary's acute respiratory distress syndrome, congestive heart failure and
   * myelodysplastic syndrome.
   */
  Query definingOtherwise(String text) {
    String letters = lettersByText.get(text.strip());
    if (letters == null) letters = lettersByText.get(text.strip().toLowerCase(Locale.ROOT));
    return letters == null ? null : definingOtherwise.get(letters);
  }

  private Query definingOtherwise(String letters, List<String> senses) {
    List<String> letterTerms = TextAnalysis.terms(analyzer, Fields.ABBREVIATION_SENSE, letters);
    if (letterTerms.size() != 1) return null;
    Set<String> telling = tellingWords(senses);
    if (telling.isEmpty()) return null; // no word to tell a sense by: nothing to leave out
    Term defined = new Term(Fields.ABBREVIATION_SENSE, letterTerms.get(0));
    BooleanQuery.Builder otherwise = new BooleanQuery.Builder().add(new TermQuery(new Term(Fields.ABBREVIATION, letters)), Occur.FILTER);
    for (String word : telling) {
      SpanQuery named = word.length() > WORD_STEM
          ? new SpanMultiTermQueryWrapper<>(new PrefixQuery(new Term(Fields.ABBREVIATION_SENSE, word.substring(0, WORD_STEM))))
          : new SpanTermQuery(new Term(Fields.ABBREVIATION_SENSE, word));
      otherwise.add(new SpanNearQuery(new SpanQuery[] {new SpanTermQuery(defined), named}, LONG_FORM_WORDS, true), Occur.MUST_NOT);
    }
    return otherwise.build();
  }

  private Set<String> tellingWords(List<String> names) {
    Set<String> words = new LinkedHashSet<>();
    for (String name : names) {
      for (String word : TextAnalysis.terms(analyzer, Fields.ABBREVIATION_SENSE, name)) {
        if (word.length() >= TELLING_WORD && !COMMON_WORDS.contains(word)) words.add(word);
      }
    }
    return words;
  }
}
