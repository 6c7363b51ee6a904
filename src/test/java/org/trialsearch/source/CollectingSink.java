package org.trialsearch.source;

import java.util.ArrayList;
import java.util.List;
import org.trialsearch.model.Trial;

/** Keeps what readers hand over, for assertions. */
final class CollectingSink implements RecordSink {
  final List<Trial> trials = new ArrayList<>();
  final List<IngestReport.Skipped> skipped = new ArrayList<>();
  final List<IngestReport.Skipped> warnings = new ArrayList<>();

  @Override
  public void accept(Trial trial) {
    trials.add(trial);
  }

  @Override
  public void skip(String file, int position, String reason) {
    skipped.add(new IngestReport.Skipped(file, position, reason));
  }

  @Override
  public void warn(String file, int position, String problem) {
    warnings.add(new IngestReport.Skipped(file, position, problem));
  }

  List<String> ids() {
    return trials.stream().map(Trial::nctId).toList();
  }
}
