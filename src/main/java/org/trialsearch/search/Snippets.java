package org.trialsearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.trialsearch.enrich.EnrichedTrial;
import org.trialsearch.index.Fields;
import org.trialsearch.index.TrialDocuments;

/**
 * Highlighted fragments of the fields a hit matched, criteria halves first (the whole criteria
 * only for records whose criteria have no halves), the matched words in
 * {@code <mark>} and every other character of the record escaped, so record text cannot inject
 * HTML. Text comes from the hits' stored records, located by the offsets the index keeps of every word.
 */
final class Snippets {

  /** Fields in the order snippets are shown, with how many fragments each gives. */
  private static final Map<String, Integer> FIELDS = new LinkedHashMap<>();

  static {
    FIELDS.put(Fields.INCLUSION, 2);
    FIELDS.put(Fields.EXCLUSION, 2);
    FIELDS.put(Fields.CRITERIA, 2);
    FIELDS.put(Fields.TITLE, 1);
    FIELDS.put(Fields.CONDITION, 1);
    FIELDS.put(Fields.INTERVENTION, 1);
    FIELDS.put(Fields.SUMMARY, 1);
    FIELDS.put(Fields.KEYWORD, 1);
    FIELDS.put(Fields.SPONSOR, 1);
  }

  private final Analyzer analyzer;

  Snippets(Analyzer analyzer) {
    this.analyzer = analyzer;
  }

  /** Field => fragments, for each hit in order; empty maps when the query has no words. */
  List<Map<String, List<String>>> of(IndexSearcher searcher, Query query, int[] docIds, List<EnrichedTrial> records) throws IOException {
    Map<Integer, EnrichedTrial> byDoc = new java.util.HashMap<>();
    for (int i = 0; i < docIds.length; i++) byDoc.put(docIds[i], records.get(i));
    UnifiedHighlighter highlighter = new RecordHighlighter(UnifiedHighlighter.builder(searcher, analyzer)
        .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", "… ", true))
        .withMaxLength(100_000)
        .withMaxNoHighlightPassages(0)
        .withHighlightPhrasesStrictly(true), byDoc);
    String[] fields = FIELDS.keySet().toArray(String[]::new);
    int[] passages = FIELDS.values().stream().mapToInt(Integer::intValue).toArray();
    Map<String, String[]> highlights = highlighter.highlightFields(fields, query, docIds, passages);
    List<Map<String, List<String>>> out = new ArrayList<>();
    for (int i = 0; i < docIds.length; i++) {
      Map<String, List<String>> snippets = new LinkedHashMap<>();
      boolean split = records.get(i).trial().eligibility() != null && records.get(i).trial().eligibility().isSplit();
      for (String field : fields) {
        if (split && field.equals(Fields.CRITERIA)) continue; // the halves show the same text
        String text = highlights.get(field)[i];
        if (text != null && !text.isBlank()) snippets.put(field, List.of(text.split("… ")));
      }
      out.add(snippets);
    }
    return out;
  }

  /** Reads field values from the hits' records instead of stored fields. */
  private static final class RecordHighlighter extends UnifiedHighlighter {
    private final Map<Integer, EnrichedTrial> records;

    RecordHighlighter(Builder builder, Map<Integer, EnrichedTrial> records) {
      super(builder);
      this.records = records;
    }

    @Override
    protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docIter, int cacheCharsThreshold) throws IOException {
      List<CharSequence[]> values = new ArrayList<>();
      for (int doc = docIter.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docIter.nextDoc()) {
        EnrichedTrial record = records.get(doc);
        CharSequence[] perField = new CharSequence[fields.length];
        for (int f = 0; f < fields.length; f++) {
          perField[f] = record == null ? "" : String.join(String.valueOf(MULTIVAL_SEP_CHAR), TrialDocuments.textValues(fields[f], record.trial(), record.facets()));
        }
        values.add(perField);
      }
      return values;
    }
  }
}
