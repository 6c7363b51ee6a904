package org.trialsearch.index;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.LongConsumer;
import org.trialsearch.enrich.Enricher;
import org.trialsearch.source.IngestReport;
import org.trialsearch.source.Readers;
import org.trialsearch.source.SourceWalker;

/** Builds a fresh index from source files, replacing the index in the folder when it commits. */
public final class IndexBuild {

  /** What a build read and wrote. */
  public record Result(IngestReport report, int trials, int repeatedRecords, Duration took) {}

  private IndexBuild() {}

  public static Result run(Path indexDir, List<Path> sources, Enricher enricher, LongConsumer progress) throws IOException {
    long start = System.nanoTime();
    IngestReport report = new IngestReport();
    try (TrialIndex index = TrialIndex.create(indexDir)) {
      IndexBuilder builder = new IndexBuilder(index, enricher, report);
      new SourceWalker(Readers.all(), progress).walk(sources, builder, report);
      index.commit();
      return new Result(report, builder.trials(), builder.repeatedRecords(), Duration.ofNanos(System.nanoTime() - start));
    }
  }
}
