package org.trialsearch.suggest;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.trialsearch.index.TextAnalysis;

/**
 * The values autocomplete offers, in a small in-memory index of their words: every word of a
 * value can be where typing starts ("lympho" finds "B-cell Acute Lymphoblastic Leukemia"), case
 * and accents do not matter, and a word of 4 letters or more may be off by one edit (two from 8).
 * Sorted by trial count, so each lookup reads only the first hits. Built whole from the trial
 * index and never changed; a new build replaces it.
 */
final class SuggestionIndex implements Closeable {

  /** How well a value matched: its text starts with the input, its words start with the input's words, or only with typos. */
  enum Match { STARTS, WORD_STARTS, TYPO }

  /** A value found for the input. */
  record Found(SuggestionEntries.Entry entry, String matchedText, Match match) {}

  private static final String WORDS = "words";
  private static final String START = "start";
  private static final String KIND = "kind";
  private static final String ID = "id";
  private static final String SPELLING = "spelling";
  private static final String COUNT = "count";
  /** Sorted by trial count, most first, so a lookup stops after the first hits of each match class. */
  private static final Sort BY_COUNT = new Sort(new SortField(COUNT, SortField.Type.LONG, true));

  static final Analyzer WORD_ANALYZER = new Analyzer() {
    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer source = new StandardTokenizer();
      TokenStream stream = new LowerCaseFilter(new ASCIIFoldingFilter(source));
      return new TokenStreamComponents(source, stream);
    }
  };

  private final List<SuggestionEntries.Entry> entries;
  private final List<String> spellings = new ArrayList<>();
  private final Directory directory = new ByteBuffersDirectory();
  private final DirectoryReader reader;
  private final IndexSearcher searcher;

  SuggestionIndex(List<SuggestionEntries.Entry> entries) throws IOException {
    this.entries = List.copyOf(entries);
    IndexWriterConfig config = new IndexWriterConfig(WORD_ANALYZER).setIndexSort(BY_COUNT);
    try (IndexWriter writer = new IndexWriter(directory, config)) {
      for (int i = 0; i < this.entries.size(); i++) {
        SuggestionEntries.Entry entry = this.entries.get(i);
        for (String spelling : spellings(entry)) {
          Document doc = new Document();
          doc.add(new TextField(WORDS, spelling, Field.Store.NO));
          doc.add(new StringField(START, String.join(" ", words(spelling)), Field.Store.NO));
          doc.add(new StringField(KIND, entry.kind(), Field.Store.NO));
          doc.add(new NumericDocValuesField(ID, i));
          doc.add(new NumericDocValuesField(SPELLING, spellings.size()));
          doc.add(new NumericDocValuesField(COUNT, entry.count()));
          spellings.add(spelling);
          writer.addDocument(doc);
        }
      }
      writer.forceMerge(1);
    }
    this.reader = DirectoryReader.open(directory);
    this.searcher = new IndexSearcher(reader);
  }

  private static List<String> spellings(SuggestionEntries.Entry entry) {
    List<String> all = new ArrayList<>(List.of(entry.text()));
    all.addAll(entry.aliases());
    return all;
  }

  /**
   * Up to {@code wanted} values for the input, best first: those whose text starts with it, then
   * those whose words start with its words, then those that need a typo forgiven; within each,
   * most trials first. Each value once.
   */
  List<Found> find(String input, String kind, int wanted) throws IOException {
    List<String> words = words(input);
    if (words.isEmpty()) return List.of();
    Map<Integer, Found> found = new LinkedHashMap<>();
    collect(new PrefixQuery(new Term(START, String.join(" ", words))), kind, Match.STARTS, wanted, found);
    if (found.size() < wanted) collect(allWords(words, false), kind, Match.WORD_STARTS, wanted, found);
    if (found.size() < wanted && words.stream().anyMatch(w -> w.length() >= 4)) collect(allWords(words, true), kind, Match.TYPO, wanted, found);
    return new ArrayList<>(found.values());
  }

  private void collect(Query query, String kind, Match match, int wanted, Map<Integer, Found> found) throws IOException {
    Query filtered = kind == null ? query
        : new BooleanQuery.Builder().add(query, Occur.MUST).add(new TermQuery(new Term(KIND, kind)), Occur.FILTER).build();
    // a value may come once per spelling: ask for enough hits to fill the list with distinct values
    TopDocs top = searcher.search(filtered, wanted * 3 + found.size(), BY_COUNT, false);
    // one segment, sorted by count: hits come in document order, so the doc-values iterators only move forward
    var leaf = reader.leaves().get(0).reader();
    NumericDocValues ids = DocValues.getNumeric(leaf, ID);
    NumericDocValues spellingIds = DocValues.getNumeric(leaf, SPELLING);
    for (ScoreDoc hit : top.scoreDocs) {
      ids.advanceExact(hit.doc);
      spellingIds.advanceExact(hit.doc);
      int id = (int) ids.longValue();
      if (found.containsKey(id)) continue;
      found.put(id, new Found(entries.get(id), spellings.get((int) spellingIds.longValue()), match));
      if (found.size() >= wanted) return;
    }
  }

  /** Every word must be matched: the last as the start of a word, the others whole; with typos, long words may be off by edits. */
  private static Query allWords(List<String> words, boolean typos) {
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      boolean last = i == words.size() - 1;
      Query exact = last ? new PrefixQuery(new Term(WORDS, word)) : new TermQuery(new Term(WORDS, word));
      int edits = word.length() >= 8 ? 2 : word.length() >= 4 ? 1 : 0;
      if (typos && edits > 0) {
        all.add(new BooleanQuery.Builder().add(exact, Occur.SHOULD).add(new FuzzyQuery(new Term(WORDS, word), edits, 1), Occur.SHOULD).build(), Occur.MUST);
      } else {
        all.add(exact, Occur.MUST);
      }
    }
    return all.build();
  }

  static List<String> words(String text) {
    return TextAnalysis.terms(WORD_ANALYZER, WORDS, text);
  }

  @Override
  public void close() throws IOException {
    reader.close();
    directory.close();
  }
}
