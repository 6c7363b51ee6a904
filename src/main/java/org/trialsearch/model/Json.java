package org.trialsearch.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.io.UncheckedIOException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The one JSON configuration, for stored records and HTTP alike: ISO dates, absent values left out. */
public final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .setSerializationInclusion(JsonInclude.Include.NON_NULL);

  private Json() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** A value this project wrote itself (a stored record): unreadable means the store is damaged. */
  public static <T> T readStored(byte[] bytes, int offset, int length, Class<T> type) {
    try {
      return MAPPER.readValue(bytes, offset, length, type);
    } catch (IOException e) {
      throw new UncheckedIOException("stored " + type.getSimpleName() + " cannot be read", e);
    }
  }
}
