package org.trialsearch.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.trialsearch.model.Json;
import org.trialsearch.model.Trial;
import org.trialsearch.vocabulary.Fold;

/**
 * Every record read during a build, kept on disk until all sources are read, so that records of
 * one trial from different files can be merged without holding the corpus in memory. Records are
 * keyed by trial id; records without an NCT id (copied pages) also by their titles, to be matched
 * to a trial by title.
 */
public final class StagingStore implements Closeable {

  private static final String KEY = "key";
  private static final String TITLE = "title";
  private static final String HAS_NCT_ID = "has_nct";
  private static final String RECORD = "record";

  private final Path dir;
  private final Directory directory;
  private final IndexWriter writer;
  private DirectoryReader reader;
  private int added;

  public StagingStore(Path dir) throws IOException {
    this.dir = dir;
    this.directory = FSDirectory.open(dir);
    this.writer = new IndexWriter(directory, new IndexWriterConfig(new KeywordAnalyzer())
        .setOpenMode(IndexWriterConfig.OpenMode.CREATE).setRAMBufferSizeMB(32));
  }

  /** Keeps a record under its trial id. Records are later returned in the order they were added. */
  public void add(Trial record, boolean hasNctId) throws IOException {
    Document doc = new Document();
    doc.add(new StringField(KEY, record.nctId(), Field.Store.NO));
    doc.add(new StringField(HAS_NCT_ID, hasNctId ? "y" : "n", Field.Store.NO));
    for (String title : titleKeys(record)) doc.add(new StringField(TITLE, title, Field.Store.NO));
    doc.add(new StoredField(RECORD, new BytesRef(Json.mapper().writeValueAsBytes(record))));
    writer.addDocument(doc);
    added++;
  }

  public int size() {
    return added;
  }

  /** Ends adding; from now on records can be read. */
  public void seal() throws IOException {
    writer.commit();
    reader = DirectoryReader.open(directory);
  }

  /** Every trial id in sorted order. */
  public List<String> keys() throws IOException {
    List<String> keys = new ArrayList<>();
    Terms terms = MultiTerms.getTerms(reader, KEY);
    if (terms == null) return keys;
    TermsEnum it = terms.iterator();
    for (BytesRef term = it.next(); term != null; term = it.next()) keys.add(term.utf8ToString());
    return keys;
  }

  /** The records of one trial id, in the order they were added. */
  public List<Trial> records(String key) throws IOException {
    List<Integer> docs = new ArrayList<>();
    for (var leaf : reader.leaves()) {
      PostingsEnum postings = leaf.reader().postings(new Term(KEY, key));
      if (postings == null) continue;
      for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) docs.add(leaf.docBase + doc);
    }
    docs.sort(Comparator.naturalOrder());
    StoredFields stored = reader.storedFields();
    List<Trial> records = new ArrayList<>();
    for (int doc : docs) records.add(read(stored.document(doc).getBinaryValue(RECORD)));
    return records;
  }

  /** The records that state no NCT id (copied pages), in the order they were added. */
  public List<Trial> recordsWithoutNctId() throws IOException {
    IndexSearcher searcher = new IndexSearcher(reader);
    StoredFields stored = reader.storedFields();
    List<Trial> records = new ArrayList<>();
    ScoreDoc[] hits = searcher.search(new TermQuery(new Term(HAS_NCT_ID, "n")), Math.max(1, reader.maxDoc())).scoreDocs;
    java.util.Arrays.sort(hits, Comparator.comparingInt(h -> h.doc));
    for (ScoreDoc hit : hits) records.add(read(stored.document(hit.doc).getBinaryValue(RECORD)));
    return records;
  }

  /** The NCT ids of the records with an NCT id whose title (or acronym and title) is one of the record's. */
  public Set<String> nctIdsWithTitleOf(Trial record) throws IOException {
    IndexSearcher searcher = new IndexSearcher(reader);
    Set<String> ids = new LinkedHashSet<>();
    StoredFields stored = reader.storedFields();
    for (String title : titleKeys(record)) {
      var query = new org.apache.lucene.search.BooleanQuery.Builder()
          .add(new TermQuery(new Term(TITLE, title)), org.apache.lucene.search.BooleanClause.Occur.FILTER)
          .add(new TermQuery(new Term(HAS_NCT_ID, "y")), org.apache.lucene.search.BooleanClause.Occur.FILTER)
          .build();
      for (ScoreDoc hit : searcher.search(query, 100).scoreDocs) {
        ids.add(read(stored.document(hit.doc).getBinaryValue(RECORD)).nctId());
      }
    }
    return ids;
  }

  /** A record's title, official title, and each with its acronym, folded. */
  private static Set<String> titleKeys(Trial record) {
    Set<String> keys = new LinkedHashSet<>();
    for (String title : Stream.of(record.briefTitle(), record.officialTitle()).filter(t -> t != null && !t.isBlank()).toList()) {
      keys.add(Fold.words(title));
      if (record.acronym() != null) {
        keys.add(Fold.words(record.acronym() + " " + title));
        keys.add(Fold.words(title + " " + record.acronym()));
      }
    }
    keys.remove("");
    return keys;
  }

  private static Trial read(BytesRef bytes) {
    return Json.readStored(bytes.bytes, bytes.offset, bytes.length, Trial.class);
  }

  /** Closes and deletes the store. */
  @Override
  public void close() throws IOException {
    try (directory; writer) {
      if (reader != null) reader.close();
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.toList()) Files.deleteIfExists(file);
    }
    Files.deleteIfExists(dir);
  }
}
