package org.trialsearch.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;
import org.trialsearch.config.ConfigSource;
import org.trialsearch.index.Fields;
import org.trialsearch.index.IndexFolder;
import org.trialsearch.index.TrialDocuments;
import org.trialsearch.ingest.IndexBuild;
import org.trialsearch.ingest.Readers;
import org.trialsearch.ingest.TrialIngest;
import org.trialsearch.model.SourceFormat;
import org.trialsearch.model.SourceRef;
import org.trialsearch.model.Trial;
import org.trialsearch.model.TrialIds;
import org.trialsearch.source.IngestReport;
import org.trialsearch.source.RecordSink;
import org.trialsearch.source.SourceWalker;
import org.trialsearch.vocabulary.Vocabulary;

/**
 * The benchmark's corpora. The real one is every trial this project makes of the shared corpus
 * (all its formats, merged). The larger ones are synthetic, for scale only: each trial takes its
 * title, summary and keywords from one real trial, conditions from a second, interventions from a
 * third, eligibility from a fourth and design, status, sponsor and sites from a fifth, under a new
 * id (NCT9xxxxxxx), so every field keeps its real distribution. Deterministic for a seed.
 * Each corpus is written as API v2 study files ({@code v2/}, what this project indexes) and as the
 * records this project reads back from them ({@code records.jsonl}, what the peers index).
 */
final class CorpusMaker {

  static final int REAL = 0;
  private static final int STUDIES_PER_FILE = 5_000;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ConfigSource config;

  CorpusMaker(ConfigSource config) {
    this.config = config;
  }

  /** Every trial this project makes of the source files, merged and in index order. */
  List<Trial> realTrials(List<Path> sources, Path scratch) throws IOException {
    Path index = scratch.resolve("real-index");
    IndexBuild.run(index, sources, config, bytes -> {});
    List<Trial> trials = new ArrayList<>();
    try (FSDirectory dir = FSDirectory.open(IndexFolder.at(index).current()); DirectoryReader reader = DirectoryReader.open(dir)) {
      StoredFields stored = reader.storedFields();
      for (int doc = 0; doc < reader.maxDoc(); doc++) {
        trials.add(TrialDocuments.fromStored(stored.document(doc, java.util.Set.of(Fields.RECORD)).getBinaryValue(Fields.RECORD)).trial());
      }
    }
    IndexFolder.deleteTree(index);
    return trials;
  }

  /** Writes the corpus: the real trials when size is {@link #REAL}, else that many synthetic ones. */
  void write(List<Trial> real, int size, long seed, Path dir) throws IOException {
    Path v2 = Files.createDirectories(dir.resolve("v2"));
    int count = size == REAL ? real.size() : size;
    SplittableRandom random = new SplittableRandom(seed);
    ArrayNode chunk = JSON.createArrayNode();
    int file = 0;
    for (int i = 0; i < count; i++) {
      Trial trial = size == REAL ? real.get(i) : synthetic(real, i, random);
      chunk.add(V2StudyWriter.study(trial));
      if (chunk.size() == STUDIES_PER_FILE || i == count - 1) {
        JSON.writeValue(v2.resolve(String.format("studies-%04d.json", ++file)).toFile(), chunk);
        chunk = JSON.createArrayNode();
      }
    }
    writeRecords(v2, dir.resolve("records.jsonl"));
  }

  private static Trial synthetic(List<Trial> real, int i, SplittableRandom random) {
    Trial text = pick(real, random);
    Trial conditions = pick(real, random);
    Trial interventions = pick(real, random);
    Trial eligibility = pick(real, random);
    Trial design = pick(real, random);
    String id = String.format("NCT9%07d", i + 1);
    return new Trial(id, TrialIds.none(), text.briefTitle(), text.officialTitle(), text.acronym(), design.status(),
        design.phases(), design.studyType(), conditions.conditions(), text.keywords(), interventions.interventions(),
        interventions.arms(), List.of(), List.of(), text.briefSummary(), text.detailedDescription(), eligibility.eligibility(),
        design.enrollment(), design.sponsor(), design.countries(), design.sites(), List.of(), List.of(), design.startDate(),
        null, design.lastUpdate(), null, List.of(SourceRef.of(SourceFormat.CTGOV_V2_JSON, "synthetic", i + 1)));
  }

  private static Trial pick(List<Trial> real, SplittableRandom random) {
    return real.get(random.nextInt(real.size()));
  }

  /** Reads the written studies back as this project does and keeps what each peer is given. */
  private void writeRecords(Path v2, Path records) throws IOException {
    Vocabulary vocabulary = Vocabulary.load(config);
    TrialIngest ingest = new TrialIngest(vocabulary);
    IngestReport report = new IngestReport();
    try (BufferedWriter out = Files.newBufferedWriter(records)) {
      new SourceWalker(Readers.all(config, vocabulary), bytes -> {}).walk(List.of(v2), new RecordSink() {
        @Override
        public void accept(Trial trial) {
          try {
            out.write(JSON.writeValueAsString(BenchRecord.of(ingest.enrich(List.of(trial)))));
            out.newLine();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }

        @Override
        public void skip(String file, int position, String reason) {
          throw new IllegalStateException("a written study could not be read back: " + file + " #" + position + ": " + reason);
        }

        @Override
        public void warn(String file, int position, String problem) {}
      }, report);
    }
  }

  /** Streams the records of a corpus, one at a time: the large corpora do not fit in memory whole. */
  static void forEachRecord(Path records, java.util.function.Consumer<BenchRecord> consumer) throws IOException {
    try (var lines = Files.lines(records)) {
      lines.forEach(line -> {
        try {
          consumer.accept(JSON.readValue(line, BenchRecord.class));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
