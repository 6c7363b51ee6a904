package org.trialsearch.source;

import java.util.function.Consumer;
import org.trialsearch.model.Trial;

/** Hands each record read to a consumer, and puts what could not be used, or was read only in part, in a report. */
public final class ReportingSink implements RecordSink {

  private final IngestReport report;
  private final Consumer<Trial> records;

  public ReportingSink(IngestReport report, Consumer<Trial> records) {
    this.report = report;
    this.records = records;
  }

  @Override
  public void accept(Trial trial) {
    records.accept(trial);
  }

  @Override
  public void skip(String file, int position, String reason) {
    report.skip(file, position, reason);
  }

  @Override
  public void warn(String file, int position, String problem) {
    report.warn(file, position, problem);
  }
}
