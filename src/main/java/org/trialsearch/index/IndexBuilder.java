package org.trialsearch.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import org.trialsearch.enrich.Enricher;
import org.trialsearch.model.Trial;
import org.trialsearch.source.IngestReport;
import org.trialsearch.source.RecordSink;

/**
 * Takes the trials readers find and writes one document per NCT id. When an id comes again, the
 * record with the latest last-update date wins, then the latest version holder date, then the one
 * read last; only a record that wins is indexed. Keeps just a small version key per id in memory.
 */
public final class IndexBuilder implements RecordSink {

  /** What decides between two records of one trial; later {@code arrival} wins a tie. */
  private record Version(LocalDate lastUpdate, LocalDate versionHolder, long arrival) {
    static final Comparator<Version> ORDER = Comparator
        .comparing(Version::lastUpdate, Comparator.nullsFirst(Comparator.naturalOrder()))
        .thenComparing(Version::versionHolder, Comparator.nullsFirst(Comparator.naturalOrder()))
        .thenComparingLong(Version::arrival);
  }

  private final TrialIndex index;
  private final Enricher enricher;
  private final IngestReport report;
  private final Map<String, Version> versions = new HashMap<>();
  private long arrivals;
  private int repeated;

  public IndexBuilder(TrialIndex index, Enricher enricher, IngestReport report) {
    this.index = index;
    this.enricher = enricher;
    this.report = report;
  }

  @Override
  public void accept(Trial trial) {
    report.recordRead(trial.sources().get(0).format().name());
    Version version = new Version(trial.lastUpdate(), trial.versionHolder(), arrivals++);
    Version previous = versions.get(trial.nctId());
    if (previous != null) {
      repeated++;
      if (Version.ORDER.compare(previous, version) > 0) return;
    }
    versions.put(trial.nctId(), version);
    try {
      index.put(enricher.enrich(trial));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to the index", e);
    }
  }

  @Override
  public void skip(String file, int position, String reason) {
    report.skip(file, position, reason);
  }

  /** Distinct trials written. */
  public int trials() {
    return versions.size();
  }

  /** Records whose NCT id had already been read (each either replaced the earlier one or was dropped). */
  public int repeatedRecords() {
    return repeated;
  }
}
