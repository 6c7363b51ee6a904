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
    Map<String, List<Query>> fieldLeaves = perField(query);
    Map<String, String[]> highlights = new java.util.HashMap<>();
    for (String field : StoredHit.SNIPPET_FIELDS) {
      QueryDeadline.check();
      List<Query> leaves = fieldLeaves.get(field);
      highlights.put(field, leaves == null ? new String[docIds.length] : highlight(highlighter, searcher, field, leaves, docIds));
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
   * A field's fragments of the hits, each matched against the words and phrases of the field's
   * query that it holds a word of. The highlighter matches its query against every hit it is
   * given, building it anew for each: a hit without any of the words cannot have a fragment, and
   * the words a hit does not hold (most synonyms, most members of a class) cannot match in it.
   * One look-up of each word's postings finds which hit holds which; hits that hold the same share
   * one query.
   */
  private String[] highlight(UnifiedHighlighter highlighter, IndexSearcher searcher, String field, List<Query> leaves, int[] docIds) throws IOException {
    List<java.util.Set<Term>> leafTerms = leaves.stream().map(Snippets::termsOf).toList();
    java.util.Set<Term> all = new java.util.HashSet<>();
    leafTerms.forEach(all::addAll);
    List<java.util.Set<Term>> held = termsHeld(searcher, all, docIds);
    Map<List<Integer>, List<Integer>> hitsByLeaves = new LinkedHashMap<>();
    for (int i = 0; i < docIds.length; i++) {
      java.util.Set<Term> holds = held.get(i);
      List<Integer> matchable = java.util.stream.IntStream.range(0, leaves.size())
          .filter(leaf -> mayMatch(leaves.get(leaf), leafTerms.get(leaf), holds)).boxed().toList();
      if (!matchable.isEmpty()) hitsByLeaves.computeIfAbsent(matchable, k -> new ArrayList<>()).add(i);
    }
    String[] fragments = new String[docIds.length];
    for (Map.Entry<List<Integer>, List<Integer>> group : hitsByLeaves.entrySet()) {
      Query query = anyOf(group.getKey().stream().map(leaves::get).toList());
      int[] docs = group.getValue().stream().mapToInt(i -> docIds[i]).toArray();
      String[] found = highlighter.highlightFields(new String[] {field}, query, docs, new int[] {passages(field)}).get(field);
      for (int k = 0; k < docs.length; k++) fragments[group.getValue().get(k)] = found[k];
    }
    return fragments;
  }

  /** Whether a word or phrase may match a document that holds these of its terms: a phrase needs a word at each position. */
  private static boolean mayMatch(Query leaf, java.util.Set<Term> leafTerms, java.util.Set<Term> held) {
    if (leaf instanceof PhraseQuery) return held.containsAll(leafTerms);
    if (leaf instanceof MultiPhraseQuery phrase) {
      return java.util.Arrays.stream(phrase.getTermArrays()).allMatch(choices -> java.util.Arrays.stream(choices).anyMatch(held::contains));
    }
    return leafTerms.stream().anyMatch(held::contains);
  }

  /** The terms a query looks for (what it excludes aside). */
  private static java.util.Set<Term> termsOf(Query query) {
    java.util.Set<Term> terms = new java.util.HashSet<>();
    forEachWanted(query, (leaf, leafTerms) -> terms.addAll(java.util.Arrays.asList(leafTerms)));
    return terms;
  }

  /** Each leaf of a query with its terms, what the query excludes aside. */
  private static void forEachWanted(Query query, java.util.function.BiConsumer<Query, Term[]> leafTerms) {
    query.visit(new QueryVisitor() {
      @Override
      public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
        return occur == BooleanClause.Occur.MUST_NOT ? QueryVisitor.EMPTY_VISITOR : this;
      }

      @Override
      public void consumeTerms(Query leaf, Term... terms) {
        leafTerms.accept(leaf, terms);
      }
    });
  }

  /** For each of the documents, which of the terms it holds. */
  private static List<java.util.Set<Term>> termsHeld(IndexSearcher searcher, java.util.Set<Term> terms, int[] docIds) throws IOException {
    List<java.util.Set<Term>> held = new ArrayList<>();
    for (int i = 0; i < docIds.length; i++) held.add(new java.util.HashSet<>());
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    Integer[] order = new Integer[docIds.length];
    for (int i = 0; i < order.length; i++) order[i] = i;
    java.util.Arrays.sort(order, java.util.Comparator.comparingInt(i -> docIds[i]));
    for (Term term : terms) {
      PostingsEnum postings = null;
      int leaf = -1;
      for (int i : order) {
        int at = ReaderUtil.subIndex(docIds[i], leaves);
        if (at != leaf) {
          leaf = at;
          Terms inField = leaves.get(at).reader().terms(term.field());
          TermsEnum termsEnum = inField == null ? null : inField.iterator();
          postings = termsEnum != null && termsEnum.seekExact(term.bytes()) ? termsEnum.postings(null, PostingsEnum.NONE) : null;
        }
        int doc = docIds[i] - leaves.get(at).docBase;
        if (postings != null && (postings.docID() < doc ? postings.advance(doc) : postings.docID()) == doc) held.get(i).add(term);
      }
    }
    return held;
  }

  /**
   * For each field, the words and phrases the query looks for in it (what it excludes aside), any
   * of which may match. The highlighter matches its query against every hit once per field; given
   * the whole query it would look up every field's words each time, most of a search's time.
   */
  static Map<String, List<Query>> perField(Query query) {
    Map<String, java.util.Set<Query>> leaves = new java.util.HashMap<>();
    forEachWanted(query, (leaf, terms) -> {
      if (terms.length == 0) return;
      // a phrase looked up as pairs is marked as the phrase, in the text it pairs the words of
      Query phrase = PhrasePairs.phraseOf(terms);
      Query shown = phrase != null ? phrase : leaf;
      String field = phrase != null ? Fields.pairedBy(terms[0].field()) : terms[0].field();
      leaves.computeIfAbsent(field, f -> new java.util.LinkedHashSet<>()).add(shown);
    });
    Map<String, List<Query>> byField = new java.util.HashMap<>();
    leaves.forEach((field, queries) -> byField.put(field, withoutWordsOfSynonymSets(queries)));
    return byField;
  }

  private static Query anyOf(List<Query> leaves) {
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    leaves.forEach(q -> any.add(q, BooleanClause.Occur.SHOULD));
    return any.build();
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
