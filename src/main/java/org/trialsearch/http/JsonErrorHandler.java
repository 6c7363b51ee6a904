package org.trialsearch.http;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.trialsearch.model.Json;

/**
 * The errors Jetty answers itself, before any route sees the request (a path that is not UTF-8, a
 * malformed request line or header), answered in the API's JSON error shape instead of HTML.
 */
final class JsonErrorHandler extends ErrorHandler {

  /** Every method gets its error body, not only GET and POST (Jetty's default). */
  @Override
  public boolean errorPageForMethod(String method) {
    return true;
  }

  @Override
  protected void generateResponse(Request request, Response response, int code, String message, Throwable cause, Callback callback) {
    byte[] body;
    try {
      body = Json.mapper().writeValueAsBytes(ApiError.of(code, message == null ? "bad request" : message, null));
    } catch (Exception e) {
      body = ("{\"error\":{\"status\":" + code + "}}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.write(true, ByteBuffer.wrap(body), callback);
  }
}
