package org.trialsearch.index.facet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialsearch.Collected;
import org.trialsearch.SharedCorpus;
import org.trialsearch.TestReaders;
import org.trialsearch.index.FacetFields;
import org.trialsearch.index.Fields;
import org.trialsearch.index.TextAnalysis;
import org.trialsearch.index.TrialIndex;
import org.trialsearch.index.TrialSearcher;
import org.trialsearch.ingest.TrialIngest;
import org.trialsearch.model.Trial;
import org.trialsearch.vocabulary.Vocabulary;

/**
 * In one large segment of real trials, a few matching trials are counted trial by trial; more
 * through the dense values' bits, and the other values trial by trial or, for many trials or one
 * dimension, holder by holder. (That each route counts right is {@code OrdinalCountsTest}'s.)
 */
class CountingRoutesTest {

  /** Conditions that a handful, some, and many of the trials name. */
  private static final Query FEW_TRIALS = new TermQuery(new Term(Fields.CONDITION, "sclerosis"));
  private static final Query SOME_TRIALS = new TermQuery(new Term(Fields.CONDITION, "tumor"));
  private static final Query MANY_TRIALS = new TermQuery(new Term(Fields.CONDITION, "leukemia"));

  @TempDir
  static Path dir;

  private static TrialIndex index;
  private static TrialSearcher searcher;

  /** One segment with deleted trials in it, as OrdinalCountsTest's. */
  @BeforeAll
  static void writeOneSegment() throws IOException, InterruptedException {
    Vocabulary vocabulary = Vocabulary.load(TestReaders.config());
    TrialIngest ingest = new TrialIngest(vocabulary);
    index = TrialIndex.create(dir, TextAnalysis.of(vocabulary));
    List<Trial> trials = Collected.from(SharedCorpus.v2(), SharedCorpus.TRACKER.resolve("trials.csv")).trials;
    for (Trial trial : trials) ingest.put(index, List.of(trial)).orElseThrow();
    index.commit();
    index.mergeIntoOneSegment();
    TrialIndex.Write last = null;
    for (int i = 0; i < trials.size(); i += 9) last = index.delete(trials.get(i).nctId());
    index.commit();
    index.awaitVisible(last);
    searcher = index.acquire();
  }

  @AfterAll
  static void close() throws IOException {
    index.release(searcher);
    index.close();
  }

  @Test
  void eachRouteIsTakenWhereItIsCheaper() throws IOException {
    assertEquals(1, searcher.getIndexReader().leaves().size());
    SegmentOrdinals ordinals = new DecodedOrdinals(Fields.FACETS).of(segment());
    assertTrue(ordinals.denseOrds.length > 0);
    int few = searcher.count(FEW_TRIALS);
    int some = searcher.count(SOME_TRIALS);
    int many = searcher.count(MANY_TRIALS);
    int everyValue = ordinals.valueCount;
    assertFalse(ordinals.countsDenseByBits(few), "few: " + few);
    assertTrue(ordinals.countsDenseByBits(some) && !ordinals.countsSparseByHolder(some, 0, everyValue), "some: " + some);
    assertTrue(ordinals.countsDenseByBits(many) && ordinals.countsSparseByHolder(many, 0, everyValue), "many: " + many);
    var state = new DefaultSortedSetDocValuesReaderState(searcher.getIndexReader(), Fields.FACETS, FacetFields.config());
    var countries = state.getOrdRange(Fields.COUNTRY);
    assertTrue(ordinals.countsSparseByHolder(some, countries.start(), countries.end() + 1), "some, one dimension");
  }

  @Test
  void aSegmentIsDecodedOnceForItsIndex() throws IOException {
    DecodedOrdinals decoded = new DecodedOrdinals(Fields.FACETS);
    SegmentOrdinals first = decoded.of(segment());
    assertSame(first, decoded.of(segment()), "kept while the segment is open");
    assertNotSame(first, new DecodedOrdinals(Fields.FACETS).of(segment()), "another index decodes its own");
  }

  private static LeafReader segment() {
    return searcher.getIndexReader().leaves().get(0).reader();
  }
}
