package org.trialsearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialsearch.TestReaders;
import org.trialsearch.index.TextAnalysis;
import org.trialsearch.index.TrialIndex;
import org.trialsearch.model.SourceFormat;
import org.trialsearch.model.SourceRef;
import org.trialsearch.model.Trial;
import org.trialsearch.model.TrialBuilder;
import org.trialsearch.source.InvalidRecordException;
import org.trialsearch.vocabulary.Vocabulary;

/** A trial the index refuses is one refused record, named; the index takes the next as before. */
class TrialIngestTest {

  @TempDir
  Path dir;

  @Test
  void aDocumentTheIndexRefusesIsAnInvalidRecordAndTheIndexGoesOn() throws IOException, InterruptedException {
    Vocabulary vocabulary = Vocabulary.load(TestReaders.config());
    TrialIngest ingest = new TrialIngest(vocabulary);
    try (TrialIndex index = TrialIndex.create(dir, TextAnalysis.of(vocabulary))) {
      // past the readers' limits: a condition becomes a facet value of one term, at most 32,766 bytes
      InvalidRecordException refused = assertThrows(InvalidRecordException.class,
          () -> ingest.put(index, List.of(trial("NCT09990011", "c".repeat(40_000)))));
      assertTrue(refused.getMessage().startsWith("the index cannot take trial NCT09990011: "), refused.getMessage());
      TrialIndex.Write next = ingest.put(index, List.of(trial("NCT09990012", "Leukemia"))).orElseThrow();
      index.awaitVisible(next);
      int trials = index.withSearcher(searcher -> searcher.getIndexReader().numDocs());
      assertEquals(1, trials);
    }
  }

  private static Trial trial(String id, String condition) {
    TrialBuilder trial = new TrialBuilder();
    trial.nctId = id;
    trial.briefTitle = "A trial";
    trial.conditions.add(condition);
    trial.source = SourceRef.of(SourceFormat.CTGOV_V2_JSON, "test.json", 1);
    return trial.build();
  }
}
