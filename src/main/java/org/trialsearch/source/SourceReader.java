package org.trialsearch.source;

import java.io.IOException;
import java.io.InputStream;

/** Reads one source format into trials. Readers are chosen by file name and first bytes. */
public interface SourceReader {

  /** Whether this reader takes a file with this name whose content starts with these bytes. */
  boolean accepts(String name, byte[] head);

  /** Reads every record of the stream, streaming; bad records go to {@link RecordSink#skip}. */
  void read(InputStream in, String name, RecordSink sink) throws IOException;
}
