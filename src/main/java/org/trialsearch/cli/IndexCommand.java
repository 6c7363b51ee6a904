package org.trialsearch.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.trialsearch.config.ConfigSource;
import org.trialsearch.ingest.IndexBuild;
import org.trialsearch.source.IngestReport;
import org.trialsearch.source.SourceWalker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "index",
    mixinStandardHelpOptions = true,
    description = "Builds a new index from trial records in files, folders or zips: ClinicalTrials.gov API v2 JSON "
        + "(single studies, arrays, API pages, newline-delimited), legacy clinical_study XML, website CSV exports and other "
        + "CSV exports with a mapping in index-config/csv/, and trial pages copied from web sites (.txt, .html). Records of "
        + "one trial from several sources become one trial. The new index replaces the one in --index.")
final class IndexCommand implements Callable<Integer> {

  private static final int SKIPPED_SHOWN = 20;

  @Option(names = "--index", required = true, description = "Index folder to write (replaced).")
  Path index;

  @Option(names = "--config", description = "Vocabulary folder (default: ./index-config if present, else the built-in one).")
  Path config;

  @Parameters(arity = "1..*", paramLabel = "SOURCE", description = "Files, folders or zips to read.")
  List<Path> sources;

  @Override
  public Integer call() throws Exception {
    ConfigSource configSource = ConfigSource.locate(config);
    long total = SourceWalker.totalBytes(sources);
    IndexBuild.Result result;
    try (ProgressBar progress = new ProgressBarBuilder()
        .setTaskName("Indexing")
        .setInitialMax(total)
        .setUnit(" MiB", 1 << 20)
        .setStyle(ProgressBarStyle.ASCII)
        .build()) {
      result = IndexBuild.run(index, sources, configSource, progress::stepBy);
    }
    printSummary(result);
    return 0;
  }

  private void printSummary(IndexBuild.Result result) {
    IngestReport report = result.report();
    System.out.printf("Read %d records from %d files in %.1f s%n", report.recordsRead(), report.filesRead(), result.took().toMillis() / 1000.0);
    for (Map.Entry<String, Integer> format : report.recordsByFormat().entrySet()) {
      IngestReport.CriteriaSplit criteria = report.criteriaByFormat().get(format.getKey());
      String split = criteria == null ? "" : String.format("; %d with criteria, %d of them (%.0f%%) split into inclusion and exclusion",
          criteria.withCriteria(), criteria.split(), 100.0 * criteria.split() / criteria.withCriteria());
      System.out.printf("  %-14s %6d records%s%n", format.getKey(), format.getValue(), split);
    }
    System.out.printf("Indexed %d trials into %s, replacing the index there (a server on it switches within a second;"
        + " trials written through its API since are replaced too)%n", result.trials(), index);
    System.out.printf("  %d trials merged from several records, %d of them from several files (site lists aside)%n",
        result.trialsFromSeveralRecords(), result.trialsFromSeveralFiles());
    if (!report.warnings().isEmpty()) {
      System.out.printf("Read in part or leniently %d%n", report.warnings().size());
      report.warnings().stream().limit(SKIPPED_SHOWN).forEach(s -> System.out.println("  " + s));
    }
    System.out.printf("Skipped %d%n", report.skippedCount());
    report.skipped().stream().limit(SKIPPED_SHOWN).forEach(s -> System.out.println("  " + s));
    if (report.skippedCount() > SKIPPED_SHOWN) System.out.printf("  ... and %d more%n", report.skippedCount() - SKIPPED_SHOWN);
  }
}
