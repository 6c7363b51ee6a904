package org.trialsearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.trialsearch.index.Fields;
import org.trialsearch.index.QueryDeadline;
import org.trialsearch.index.StoredHit;
import org.trialsearch.search.query.PhrasePairs;

/**
 * Highlighted fragments of the fields a hit matched, criteria halves first (the whole criteria
 * only for records whose criteria have no halves), the matched words in
 * {@code <mark>} and every other character of the record escaped, so record text cannot inject
 * HTML. Text comes from the hits' stored text, located by the offsets the index keeps of every word.
 */
final class Snippets {

  /** Fragments a field gives: two of each criteria half, one of the others. */
  private static int passages(String field) {
    return field.equals(Fields.INCLUSION) || field.equals(Fields.EXCLUSION) || field.equals(Fields.CRITERIA) ? 2 : 1;
  }

  private final Analyzer analyzer;

  Snippets(Analyzer analyzer) {
    this.analyzer = analyzer;
  }

  /** Field => fragments, for each hit in order; empty maps when the query has no words. */
  List<Map<String, List<String>>> of(IndexSearcher searcher, Query query, int[] docIds, List<StoredHit> hits) throws IOException {
    Map<Integer, StoredHit> byDoc = new java.util.HashMap<>();
    for (int i = 0; i < docIds.length; i++) byDoc.put(docIds[i], hits.get(i));
    UnifiedHighlighter highlighter = new RecordHighlighter(UnifiedHighlighter.builder(searcher, analyzer)
        .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", "… ", true))
        .withScorer(new PassageScore())
        .withMaxLength(100_000)
        .withMaxNoHighlightPassages(0)
        .withHighlightPhrasesStrictly(true), byDoc);
    Map<String, Query> fieldQueries = perField(query);
    Map<String, String[]> highlights = new java.util.HashMap<>();
    for (String field : StoredHit.SNIPPET_FIELDS) {
      QueryDeadline.check();
      Query fieldQuery = fieldQueries.get(field);
      highlights.put(field, fieldQuery == null ? new String[docIds.length] : highlight(highlighter, searcher, field, fieldQuery, docIds));
    }
    List<Map<String, List<String>>> out = new ArrayList<>();
    for (int i = 0; i < docIds.length; i++) {
      Map<String, List<String>> snippets = new LinkedHashMap<>();
      for (String field : StoredHit.SNIPPET_FIELDS) {
        String text = highlights.get(field)[i];
        if (text != null && !text.isBlank()) snippets.put(field, List.of(text.split("… ")));
      }
      out.add(snippets);
    }
    return out;
  }

  /**
   * A field's fragments of the hits that hold at least one of the words its query looks for there.
   * The highlighter matches the query against every hit it is given, building it anew for each; a
   * hit without any of the words cannot have a fragment, and is passed over here after one look-up
   * of each word's postings.
   */
  private String[] highlight(UnifiedHighlighter highlighter, IndexSearcher searcher, String field, Query fieldQuery, int[] docIds) throws IOException {
    String[] fragments = new String[docIds.length];
    int[] holding = holdingAnyTerm(searcher, fieldQuery, docIds);
    if (holding.length == 0) return fragments;
    int[] docs = new int[holding.length];
    for (int i = 0; i < holding.length; i++) docs[i] = docIds[holding[i]];
    String[] found = highlighter.highlightFields(new String[] {field}, fieldQuery, docs, new int[] {passages(field)}).get(field);
    for (int i = 0; i < holding.length; i++) fragments[holding[i]] = found[i];
    return fragments;
  }

  /** The positions in {@code docIds} of the documents that hold any term of the query (its exclusions aside). */
  private static int[] holdingAnyTerm(IndexSearcher searcher, Query query, int[] docIds) throws IOException {
    java.util.Set<Term> terms = new java.util.HashSet<>();
    query.visit(new QueryVisitor() {
      @Override
      public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
        return occur == BooleanClause.Occur.MUST_NOT ? QueryVisitor.EMPTY_VISITOR : this;
      }

      @Override
      public void consumeTerms(Query leaf, Term... leafTerms) {
        terms.addAll(java.util.Arrays.asList(leafTerms));
      }
    });
    boolean[] holds = new boolean[docIds.length];
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    Integer[] order = new Integer[docIds.length];
    for (int i = 0; i < order.length; i++) order[i] = i;
    java.util.Arrays.sort(order, java.util.Comparator.comparingInt(i -> docIds[i]));
    for (Term term : terms) {
      PostingsEnum postings = null;
      int leaf = -1;
      for (int i : order) {
        if (holds[i]) continue;
        int at = ReaderUtil.subIndex(docIds[i], leaves);
        if (at != leaf) {
          leaf = at;
          Terms inField = leaves.get(at).reader().terms(term.field());
          TermsEnum termsEnum = inField == null ? null : inField.iterator();
          postings = termsEnum != null && termsEnum.seekExact(term.bytes()) ? termsEnum.postings(null, PostingsEnum.NONE) : null;
        }
        int doc = docIds[i] - leaves.get(at).docBase;
        if (postings != null && (postings.docID() < doc ? postings.advance(doc) : postings.docID()) == doc) holds[i] = true;
      }
    }
    return java.util.stream.IntStream.range(0, docIds.length).filter(i -> holds[i]).toArray();
  }

  /**
   * For each field, the words and phrases the query looks for in it (what it excludes aside), any
   * of which may match. The highlighter matches its query against every hit once per field; given
   * the whole query it would look up every field's words each time, most of a search's time.
   */
  static Map<String, Query> perField(Query query) {
    Map<String, java.util.Set<Query>> leaves = new java.util.HashMap<>();
    query.visit(new QueryVisitor() {
      @Override
      public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
        return occur == BooleanClause.Occur.MUST_NOT ? QueryVisitor.EMPTY_VISITOR : this;
      }

      @Override
      public void consumeTerms(Query leaf, Term... terms) {
        if (terms.length == 0) return;
        // a phrase looked up as pairs is marked as the phrase, in the text it pairs the words of
        Query phrase = PhrasePairs.phraseOf(terms);
        Query shown = phrase != null ? phrase : leaf;
        String field = phrase != null ? Fields.pairedBy(terms[0].field()) : terms[0].field();
        leaves.computeIfAbsent(field, f -> new java.util.LinkedHashSet<>()).add(shown);
      }
    });
    Map<String, Query> byField = new java.util.HashMap<>();
    leaves.forEach((field, queries) -> {
      BooleanQuery.Builder any = new BooleanQuery.Builder();
      withoutWordsOfSynonymSets(queries).forEach(q -> any.add(q, BooleanClause.Occur.SHOULD));
      byField.put(field, any.build());
    });
    return byField;
  }

  /**
   * A word or phrase asked for as written and again with its synonyms ("leukaemia" and {leukaemia,
   * leukemia}; "hepatitis b" and "hepatitis {b, hbv}") marks the same text: the one with synonyms
   * alone is matched, once.
   */
  private static List<Query> withoutWordsOfSynonymSets(java.util.Set<Query> queries) {
    java.util.Set<Term> inSets = new java.util.HashSet<>();
    List<MultiPhraseQuery> phraseSets = new ArrayList<>();
    for (Query query : queries) {
      if (query instanceof SynonymQuery set) set.getTerms().forEach(inSets::add);
      if (query instanceof MultiPhraseQuery set) phraseSets.add(set);
    }
    return queries.stream()
        .filter(q -> !(q instanceof TermQuery word && inSets.contains(word.getTerm())))
        .filter(q -> !(q instanceof PhraseQuery phrase && phraseSets.stream().anyMatch(set -> covers(set, phrase))))
        .toList();
  }

  private static boolean covers(MultiPhraseQuery set, PhraseQuery phrase) {
    Term[] words = phrase.getTerms();
    Term[][] choices = set.getTermArrays();
    if (set.getSlop() != phrase.getSlop() || choices.length != words.length || !java.util.Arrays.equals(set.getPositions(), phrase.getPositions())) {
      return false;
    }
    for (int i = 0; i < words.length; i++) {
      if (!java.util.Arrays.asList(choices[i]).contains(words[i])) return false;
    }
    return true;
  }

  /** Reads field values from the hits' stored text. */
  private static final class RecordHighlighter extends UnifiedHighlighter {
    private final Map<Integer, StoredHit> hits;

    RecordHighlighter(Builder builder, Map<Integer, StoredHit> hits) {
      super(builder);
      this.hits = hits;
    }

    @Override
    protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docIter, int cacheCharsThreshold) throws IOException {
      List<CharSequence[]> values = new ArrayList<>();
      for (int doc = docIter.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docIter.nextDoc()) {
        StoredHit hit = hits.get(doc);
        CharSequence[] perField = new CharSequence[fields.length];
        for (int f = 0; f < fields.length; f++) {
          perField[f] = hit == null ? "" : String.join(String.valueOf(MULTIVAL_SEP_CHAR), hit.text().getOrDefault(fields[f], List.of()));
        }
        values.add(perField);
      }
      return values;
    }
  }
}
