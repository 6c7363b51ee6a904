package org.trialsearch.source.ctgov;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.trialsearch.source.InvalidRecordException;
import org.trialsearch.source.RecordSink;
import org.trialsearch.source.SourceReader;
import org.trialsearch.source.StatedValues;

/**
 * ClinicalTrials.gov API v2 study JSON in every shape people hold it: one study object, an array of
 * studies (the website's "Download JSON"), an API page {@code {"studies": [...], "nextPageToken": ...}},
 * and newline-delimited studies. Streams: only one study is in memory at a time. Malformed JSON ends
 * the file at that point with its line and column reported; the studies before it are kept.
 */
public final class CtgovJsonReader implements SourceReader {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonFactory FACTORY = MAPPER.getFactory();

  private final CtgovStudyMapper mapper = new CtgovStudyMapper();

  @Override
  public boolean accepts(String name, byte[] head) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".json") || lower.endsWith(".ndjson") || lower.endsWith(".jsonl")) return true;
    for (byte b : head) {
      if (b == '{' || b == '[') return true;
      if (!Character.isWhitespace(b) && b != (byte) 0xEF && b != (byte) 0xBB && b != (byte) 0xBF) return false;
    }
    return false;
  }

  @Override
  public void read(InputStream in, String name, RecordSink sink) throws IOException {
    Position position = new Position();
    try (JsonParser parser = FACTORY.createParser(in)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        switch (token) {
          case START_ARRAY -> readStudies(parser, name, sink, position);
          case START_OBJECT -> readObject(parser, name, sink, position);
          default -> sink.skip(name, position.next(), "expected a study object or an array of studies, found " + token);
        }
      }
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      sink.skip(name, position.count + 1, "malformed JSON" + where + ": " + e.getOriginalMessage() + " (rest of file not read)");
    }
  }

  /** Reads an array whose elements are studies; the parser stands on START_ARRAY. */
  private void readStudies(JsonParser parser, String name, RecordSink sink, Position position) throws IOException {
    JsonToken token;
    while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
      if (token == null) throw new IOException("unexpected end of input");
      JsonNode node = MAPPER.readTree(parser);
      emit(node, name, sink, position.next());
    }
  }

  /**
   * A root object is a study or an API page. Its fields are read one by one so that a page's
   * "studies" array streams instead of being read whole.
   */
  private void readObject(JsonParser parser, String name, RecordSink sink, Position position) throws IOException {
    ObjectNode study = MAPPER.createObjectNode();
    boolean page = false;
    boolean classic = false;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      if (field.equals("studies") && value == JsonToken.START_ARRAY) {
        page = true;
        readStudies(parser, name, sink, position);
      } else if (field.equals("FullStudiesResponse") || field.equals("StudyFieldsResponse")) {
        classic = true;
        parser.skipChildren();
      } else {
        study.set(field, MAPPER.readTree(parser));
      }
    }
    if (classic) {
      sink.skip(name, position.next(), "the retired classic ClinicalTrials.gov API format is not supported; "
          + "download the study as API v2 JSON");
    } else if (!page) {
      emit(study, name, sink, position.next());
    }
  }

  private void emit(JsonNode node, String name, RecordSink sink, int position) {
    if (!node.isObject() || !node.has("protocolSection")) {
      sink.skip(name, position, "not a ClinicalTrials.gov study: no protocolSection");
      return;
    }
    try {
      StatedValues values = new StatedValues();
      sink.accept(mapper.map(node, name, position, values));
      values.report(sink, name, position);
    } catch (InvalidRecordException e) {
      sink.skip(name, position, e.getMessage());
    }
  }

  /** Counts records within one file. */
  private static final class Position {
    int count;

    int next() {
      return ++count;
    }
  }
}
