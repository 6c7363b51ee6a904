package org.trialsearch.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;

/**
 * The values autocomplete offers, in a small in-memory index of their words: every word of a
 * value can be where typing starts ("lympho" finds "B-cell Acute Lymphoblastic Leukemia"), case
 * and accents do not matter, and a word of 4 letters or more may be off by one edit (two from 8).
 * Built whole from the trial index and never changed; a new build replaces it.
 */
final class SuggestionIndex implements Closeable {

  /** How well a value matched: its text starts with the input, its words start with the input's words, or only with typos. */
  enum Match { STARTS, WORD_STARTS, TYPO }

  /** A value found for the input. */
  record Found(SuggestionEntries.Entry entry, String matchedText, Match match) {}

  private static final String WORDS = "words";
  private static final String KIND = "kind";
  private static final String ID = "id";
  private static final int CANDIDATES = 400;

  static final Analyzer WORD_ANALYZER = new Analyzer() {
    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer source = new StandardTokenizer();
      TokenStream stream = new LowerCaseFilter(new ASCIIFoldingFilter(source));
      return new TokenStreamComponents(source, stream);
    }
  };

  private final List<SuggestionEntries.Entry> entries;
  private final Directory directory = new ByteBuffersDirectory();
  private final DirectoryReader reader;
  private final IndexSearcher searcher;

  SuggestionIndex(List<SuggestionEntries.Entry> entries) throws IOException {
    this.entries = List.copyOf(entries);
    try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(WORD_ANALYZER))) {
      for (int i = 0; i < this.entries.size(); i++) {
        SuggestionEntries.Entry entry = this.entries.get(i);
        for (String spelling : spellings(entry)) {
          Document doc = new Document();
          doc.add(new TextField(WORDS, spelling, Field.Store.YES));
          doc.add(new StringField(KIND, entry.kind(), Field.Store.NO));
          doc.add(new StoredField(ID, i));
          writer.addDocument(doc);
        }
      }
    }
    this.reader = DirectoryReader.open(directory);
    this.searcher = new IndexSearcher(reader);
  }

  private static List<String> spellings(SuggestionEntries.Entry entry) {
    List<String> all = new ArrayList<>(List.of(entry.text()));
    all.addAll(entry.aliases());
    return all;
  }

  /** Values whose words the input starts, best matches first, each value once. */
  List<Found> find(String input, String kind) throws IOException {
    List<String> words = words(input);
    if (words.isEmpty()) return List.of();
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    for (int i = 0; i < words.size(); i++) query.add(wordQuery(words.get(i), i == words.size() - 1), Occur.MUST);
    if (kind != null) query.add(new TermQuery(new Term(KIND, kind)), Occur.FILTER);
    List<Found> found = new ArrayList<>();
    java.util.Set<Integer> seen = new java.util.HashSet<>();
    String folded = String.join(" ", words);
    for (ScoreDoc hit : searcher.search(query.build(), CANDIDATES).scoreDocs) {
      Document doc = searcher.storedFields().document(hit.doc);
      int id = doc.getField(ID).numericValue().intValue();
      String spelling = doc.get(WORDS);
      Match match = match(folded, words, spelling);
      if (seen.add(id)) found.add(new Found(entries.get(id), spelling, match));
      else replaceIfBetter(found, id, spelling, match);
    }
    return found;
  }

  private void replaceIfBetter(List<Found> found, int id, String spelling, Match match) {
    for (int i = 0; i < found.size(); i++) {
      Found f = found.get(i);
      if (f.entry() == entries.get(id) && match.compareTo(f.match()) < 0) found.set(i, new Found(f.entry(), spelling, match));
    }
  }

  /** The last word may be the start of a word; every word may carry typos once long enough. */
  private static Query wordQuery(String word, boolean last) {
    int edits = word.length() >= 8 ? 2 : word.length() >= 4 ? 1 : 0;
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    any.add(new BoostQuery(last ? new PrefixQuery(new Term(WORDS, word)) : new TermQuery(new Term(WORDS, word)), 4f), Occur.SHOULD);
    if (edits > 0) any.add(new FuzzyQuery(new Term(WORDS, word), edits, 1), Occur.SHOULD);
    return any.build();
  }

  private static Match match(String folded, List<String> words, String spelling) {
    List<String> target = words(spelling);
    if (String.join(" ", target).startsWith(folded)) return Match.STARTS;
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      boolean last = i == words.size() - 1;
      if (target.stream().noneMatch(t -> last ? t.startsWith(w) : t.equals(w))) return Match.TYPO;
    }
    return Match.WORD_STARTS;
  }

  static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    try (TokenStream stream = WORD_ANALYZER.tokenStream(WORDS, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) words.add(term.toString());
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return words;
  }

  /** Best match first, then most trials, then shortest. */
  static final Comparator<Found> ORDER = Comparator.comparing(Found::match)
      .thenComparing(f -> -f.entry().count())
      .thenComparingInt(f -> f.entry().text().length());

  @Override
  public void close() throws IOException {
    reader.close();
    directory.close();
  }
}
