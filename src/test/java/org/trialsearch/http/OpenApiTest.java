package org.trialsearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trialsearch.TestServer;

/** The OpenAPI description stays true: every path answers, parameters match, documented required properties are there. */
class OpenApiTest {

  private static TestServer server;
  private static JsonNode api;

  @BeforeAll
  static void start() {
    server = TestServer.v2Corpus();
    api = server.ok("/openapi.json");
  }

  @Test
  void searchParametersAreExactlyTheOnesTheServerReads() {
    List<String> documented = new ArrayList<>();
    api.path("paths").path("/api/search").path("get").path("parameters").forEach(p -> documented.add(p.path("name").asText()));
    assertEquals(SearchParams.NAMES, documented);
  }

  @Test
  void everyDocumentedAnswerHasItsRequiredProperties() {
    Map<String, String> examples = Map.of(
        "/api/search", "/api/search?q=glioblastoma&size=3",
        "/api/search.csv", "/api/search.csv?q=glioblastoma",
        "/api/trials/{nctId}", "/api/trials/NCT04077866",
        "/api/trials/{nctId}/similar", "/api/trials/NCT04077866/similar?limit=3",
        "/api/autocomplete", "/api/autocomplete?q=lympho",
        "/api/health", "/api/health",
        "/metrics", "/metrics",
        "/openapi.json", "/openapi.json");
    Iterator<String> paths = api.path("paths").fieldNames();
    int checked = 0;
    while (paths.hasNext()) {
      String path = paths.next();
      if (!api.path("paths").path(path).has("get")) continue; // writes are checked by WriteApiTest
      assertTrue(examples.containsKey(path), "no example request for documented path " + path);
      TestServer.Answer answer = server.get(examples.get(path));
      assertEquals(200, answer.status(), path);
      JsonNode content = api.path("paths").path(path).path("get").path("responses").path("200").path("content");
      String type = content.fieldNames().next();
      assertTrue(answer.contentType().startsWith(type), path + " answers " + answer.contentType() + ", documented " + type);
      if (type.equals("application/json")) checkRequired(path, resolve(content.path(type).path("schema")), answer.json());
      checked++;
    }
    assertEquals(examples.size(), checked);
  }

  @Test
  void errorsHaveTheDocumentedShape() {
    JsonNode error = server.get("/api/search?size=0").json();
    checkRequired("error", resolve(api.at("/components/schemas/Error")), error);
  }

  /** Checks the required properties of the schema, into nested objects and the first array item. */
  private static void checkRequired(String where, JsonNode schema, JsonNode value) {
    schema = resolve(schema);
    if (schema.path("type").asText().equals("array")) {
      assertTrue(value.isArray(), where + " should be an array");
      if (!value.isEmpty()) checkRequired(where + "[0]", schema.path("items"), value.get(0));
      return;
    }
    for (JsonNode required : schema.path("required")) {
      String name = required.asText();
      assertTrue(value.has(name), where + " lacks required property " + name + ": " + value);
    }
    schema.path("properties").fields().forEachRemaining(p -> {
      if (value.has(p.getKey())) checkRequired(where + "." + p.getKey(), p.getValue(), value.get(p.getKey()));
    });
  }

  private static JsonNode resolve(JsonNode schema) {
    String ref = schema.path("$ref").asText("");
    return ref.isEmpty() ? schema : api.at(ref.substring(1));
  }
}
