package org.trialsearch.error;

/** A request that cannot be answered as asked: answered 400 with this message (and the position of a syntax error). */
public class InvalidRequestException extends RuntimeException {

  private final Integer position;

  public InvalidRequestException(String message) {
    this(message, null);
  }

  public InvalidRequestException(String message, Integer position) {
    super(message);
    this.position = position;
  }

  /** The 1-based column of a query syntax error, or null. */
  public Integer position() {
    return position;
  }
}
