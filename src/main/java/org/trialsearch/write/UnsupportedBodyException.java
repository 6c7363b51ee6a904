package org.trialsearch.write;

/** A request body in a format no reader takes: answered 415. */
public final class UnsupportedBodyException extends RuntimeException {
  public UnsupportedBodyException(String message) {
    super(message);
  }
}
