package org.trialsearch.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trialsearch.error.InvalidRequestException;
import org.trialsearch.write.UnsupportedBodyException;

/**
 * What every request must be before any route reads it, checked in one place: a path whose
 * escapes are all {@code %XX} (a route's path parameters are decoded before it runs, and
 * {@code %u0041} cannot be), and a body in a charset this server knows. Jetty itself refuses paths
 * that are not UTF-8 and malformed request lines and headers ({@link JsonErrorHandler}).
 */
final class RequestChecks {

  private static final Pattern BAD_ESCAPE = Pattern.compile("%(?![0-9A-Fa-f]{2}).{0,5}");
  private static final Pattern CHARSET = Pattern.compile("(?i);\\s*charset\\s*=\\s*\"?([^\";]*)\"?");
  /** The methods whose requests carry a body; other requests' Content-Type is never read. */
  private static final Set<String> BODY_METHODS = Set.of("POST", "PUT", "PATCH");

  private RequestChecks() {}

  static void register(JavalinConfig config) {
    config.routes.before(RequestChecks::check);
  }

  private static void check(Context ctx) {
    Matcher escape = BAD_ESCAPE.matcher(ctx.req().getRequestURI());
    if (escape.find()) {
      throw new InvalidRequestException("the path holds '" + escape.group() + "', which is not an escape: write a character as %XX, the hex of its UTF-8 bytes");
    }
    if (BODY_METHODS.contains(ctx.method().name())) charset(ctx.header("Content-Type"));
  }

  /** The charset a Content-Type names, or null when it names none; one this server does not know is refused. */
  static Charset charset(String contentType) {
    if (contentType == null) return null;
    Matcher named = CHARSET.matcher(contentType);
    if (!named.find()) return null;
    String name = named.group(1).strip();
    try {
      return Charset.forName(name);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw new UnsupportedBodyException("unknown charset '" + name + "' in the Content-Type; send the body in UTF-8 (or a charset such as "
          + "ISO-8859-1 or windows-1252, named as such)");
    }
  }

  /** The media type of a Content-Type, lower-cased, without its parameters; empty when there is none. */
  static String mediaType(String contentType) {
    return contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
  }
}
