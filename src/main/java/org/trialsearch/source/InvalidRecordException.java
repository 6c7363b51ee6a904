package org.trialsearch.source;

/** A record that cannot become a trial (no id, ...); the message says why and goes into the ingest report. */
public class InvalidRecordException extends RuntimeException {
  public InvalidRecordException(String message) {
    super(message);
  }
}
