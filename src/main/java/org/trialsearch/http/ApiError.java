package org.trialsearch.http;

/** The body of every error answer: {@code {"error": {"status": 400, "message": "...", "position": 7}}}. */
public record ApiError(Body error) {

  public record Body(int status, String message, Integer position) {}

  public static ApiError of(int status, String message, Integer position) {
    return new ApiError(new Body(status, message, position));
  }
}
