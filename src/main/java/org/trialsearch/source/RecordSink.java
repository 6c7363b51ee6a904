package org.trialsearch.source;

import org.trialsearch.model.Trial;

/** Receives the trials a reader finds, and the records it cannot use. */
public interface RecordSink {

  void accept(Trial trial);

  /** A record (position from 1) or a whole file (position 0) that could not be used, and why. */
  void skip(String file, int position, String reason);

  /** A record that was read, but only in part or by bending the format's rules, and how. */
  void warn(String file, int position, String problem);
}
