package org.trialsearch.error;

/** The thing asked for does not exist: answered 404 with this message. */
public class NotFoundException extends RuntimeException {
  public NotFoundException(String message) {
    super(message);
  }
}
