package org.trialsearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.trialsearch.model.Trial;
import org.trialsearch.source.IngestReport;
import org.trialsearch.source.RecordSink;
import org.trialsearch.source.SourceWalker;

/** What the readers find in some files: the trials, the skipped records and the warnings, for assertions. */
public final class Collected implements RecordSink {
  public final List<Trial> trials = new ArrayList<>();
  public final List<IngestReport.Skipped> skipped = new ArrayList<>();
  public final List<IngestReport.Skipped> warnings = new ArrayList<>();

  public static Collected from(Path... paths) {
    Collected collected = new Collected();
    try {
      new SourceWalker(TestReaders.all(), bytes -> {}).walk(List.of(paths), collected, new IngestReport());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return collected;
  }

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

  public Trial trial(String nctId) {
    return trials.stream().filter(t -> t.nctId().equals(nctId)).findFirst()
        .orElseThrow(() -> new AssertionError("no trial " + nctId + " among " + trials.size()));
  }

  public List<String> ids() {
    return trials.stream().map(Trial::nctId).toList();
  }

  public Trial only() {
    if (trials.size() != 1) throw new AssertionError("expected one trial, found " + trials.size() + "; skipped " + skipped);
    return trials.get(0);
  }
}
