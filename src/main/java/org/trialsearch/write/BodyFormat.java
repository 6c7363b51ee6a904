package org.trialsearch.write;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.trialsearch.error.InvalidRequestException;

/** The format of a request body, from a {@code format} parameter or else its content type, as the file extension the readers go by. */
public final class BodyFormat {

  private static final Map<String, String> BY_NAME = Map.of(
      "json", ".json", "xml", ".xml", "csv", ".csv", "html", ".html", "text", ".txt", "zip", ".zip");
  private static final Map<String, String> BY_CONTENT_TYPE = Map.ofEntries(
      Map.entry("application/json", ".json"), Map.entry("application/x-ndjson", ".json"), Map.entry("application/jsonl", ".json"),
      Map.entry("application/xml", ".xml"), Map.entry("text/xml", ".xml"),
      Map.entry("text/csv", ".csv"), Map.entry("text/html", ".html"), Map.entry("text/plain", ".txt"),
      Map.entry("application/zip", ".zip"), Map.entry("application/x-zip-compressed", ".zip"));

  private BodyFormat() {}

  /** The extension for this body; a format or content type that is not one of the readers' is refused, naming those that are. */
  public static String extension(String format, String contentType) {
    if (format != null && !format.isBlank()) {
      String extension = BY_NAME.get(format.strip().toLowerCase(Locale.ROOT));
      if (extension == null) throw new InvalidRequestException("unknown format '" + format + "'; expected one of " + names());
      return extension;
    }
    String type = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    String extension = BY_CONTENT_TYPE.get(type);
    if (extension == null) {
      throw new UnsupportedBodyException("cannot read a body of content type '" + type + "'; send one of "
          + String.join(", ", BY_CONTENT_TYPE.keySet().stream().sorted().toList()) + ", or name the format with format=" + names());
    }
    return extension;
  }

  /** PUT takes one study as API v2 JSON: a body that says it is something else is refused. */
  public static void requireJson(String contentType) {
    String type = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (!type.equals("application/json")) {
      throw new UnsupportedBodyException("PUT takes one study as ClinicalTrials.gov API v2 JSON with content type application/json, not '" + type + "'");
    }
  }

  /**
   * The body as UTF-8, which the readers read, when it was sent in another charset. An XML body
   * is left as it came: it names its encoding itself, and a zip is bytes.
   */
  public static byte[] inUtf8(byte[] body, Charset sent, String extension) {
    if (sent == null || sent.equals(StandardCharsets.UTF_8) || extension.equals(".xml") || extension.equals(".zip")) return body;
    return new String(body, sent).getBytes(StandardCharsets.UTF_8);
  }

  private static String names() {
    return String.join("|", List.of("json", "xml", "csv", "html", "text", "zip"));
  }
}
