package org.trialsearch.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;
import org.trialsearch.config.ConfigSource;
import org.trialsearch.index.IndexFolder;
import org.trialsearch.index.TextAnalysis;
import org.trialsearch.index.TrialIndex;
import org.trialsearch.ingest.Readers;
import org.trialsearch.model.SourceRef;
import org.trialsearch.model.Trial;
import org.trialsearch.source.IngestReport;
import org.trialsearch.source.InvalidRecordException;
import org.trialsearch.source.ReportingSink;
import org.trialsearch.source.SourceReader;
import org.trialsearch.source.SourceWalker;
import org.trialsearch.vocabulary.Vocabulary;

/**
 * Builds a fresh index from source files, replacing the index in the folder once complete. Two
 * passes: every record read is staged on disk under its trial id; then each trial's records are
 * merged (pages without an NCT id joining the one trial whose title they carry), enriched and
 * written as one document.
 */
public final class IndexBuild {

  /** What a build read and wrote; "several files" leaves out site lists, which only add sites. */
  public record Result(IngestReport report, int trials, int trialsFromSeveralRecords, int trialsFromSeveralFiles, Duration took) {}

  private final TrialIngest ingest;
  private final List<SourceReader> readers;
  private final TextAnalysis analysis;
  private final IngestReport report = new IngestReport();
  private int trials;
  private int fromSeveralRecords;
  private int fromSeveralFiles;

  private IndexBuild(ConfigSource config) {
    Vocabulary vocabulary = Vocabulary.load(config);
    this.ingest = new TrialIngest(vocabulary);
    this.readers = Readers.all(config, vocabulary);
    this.analysis = TextAnalysis.of(vocabulary);
  }

  /** Reads the sources with the vocabulary and CSV mappings of this configuration. */
  public static Result run(Path indexDir, List<Path> sources, ConfigSource config, LongConsumer progress) throws IOException {
    return new IndexBuild(config).build(indexDir, sources, progress);
  }

  /**
   * Writes a new generation beside the one in use, which keeps serving meanwhile; once the new one
   * is committed, one atomic switch puts it in use. A failed build leaves the folder as it was.
   */
  private Result build(Path indexDir, List<Path> sources, LongConsumer progress) throws IOException {
    long start = System.nanoTime();
    IndexFolder folder = IndexFolder.at(indexDir);
    Path generation = folder.newGeneration();
    Path stagingDir = Files.createTempDirectory("trialsearch-staging");
    try (StagingStore staging = new StagingStore(stagingDir); TrialIndex index = TrialIndex.create(generation, analysis)) {
      new SourceWalker(readers, progress).walk(sources, new ReportingSink(report, trial -> stage(staging, trial)), report);
      staging.seal();
      writeTrials(staging, index);
      index.mergeIntoOneSegment();
      index.commit();
    } catch (IOException | RuntimeException e) {
      IndexFolder.deleteTree(generation);
      throw e;
    }
    folder.publish(generation);
    folder.removeUnused();
    return new Result(report, trials, fromSeveralRecords, fromSeveralFiles, Duration.ofNanos(System.nanoTime() - start));
  }

  private void writeTrials(StagingStore staging, TrialIndex index) throws IOException {
    Map<String, List<Trial>> pagesByTrial = new HashMap<>();
    Set<String> matchedPages = new HashSet<>();
    for (Trial page : staging.recordsWithoutNctId()) {
      Set<String> ids = staging.nctIdsWithTitleOf(page);
      if (ids.size() != 1) continue;
      String id = ids.iterator().next();
      pagesByTrial.computeIfAbsent(id, k -> new ArrayList<>()).add(page.linkedTo(id, SourceRef.LinkedBy.TITLE));
      matchedPages.add(page.nctId());
    }
    for (String key : staging.keys()) {
      if (matchedPages.contains(key)) continue;
      List<Trial> records = new ArrayList<>(staging.records(key));
      records.addAll(pagesByTrial.getOrDefault(key, List.of()));
      put(index, key, records);
    }
  }

  /** Puts one trial; whatever keeps it out is a line of the report, never the end of the run. */
  private void put(TrialIndex index, String key, List<Trial> records) throws IOException {
    try {
      if (ingest.put(index, records).isPresent()) counted(records);
      else report.skip(TrialIngest.siteRowsOnly(key, records));
    } catch (InvalidRecordException e) {
      SourceRef first = records.get(0).sources().get(0);
      report.skip(first.file(), first.position(), e.getMessage());
    }
  }

  private void counted(List<Trial> records) {
    trials++;
    if (records.size() > 1) fromSeveralRecords++;
    if (records.stream().filter(r -> !r.sources().get(0).sitesOnly()).map(r -> r.sources().get(0).file()).distinct().count() > 1) {
      fromSeveralFiles++;
    }
  }

  /** Stages a record a reader found, counting it for the report. */
  private void stage(StagingStore staging, Trial trial) {
    SourceRef source = trial.sources().get(0);
    report.recordRead(source.format().name());
    if (trial.eligibility() != null && trial.eligibility().criteria() != null) {
      report.criteriaRead(source.format().name(), trial.eligibility().isSplit());
    }
    try {
      staging.add(trial, source.linkedBy() == SourceRef.LinkedBy.NCT_ID);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stage a record", e);
    }
  }
}
