package org.trialsearch;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The real registry records beside the project, read with plain Jackson so tests compute expectations independently. */
public final class SharedCorpus {

  public static final Path ROOT = Path.of("..", "shared", "corpus");
  public static final Path V2_JSON = ROOT.resolve("ctgov-v2-json");
  public static final Path CLASSIC_JSON = ROOT.resolve("ctgov-classic-api-json");
  public static final Path SAMPLE_DATA = Path.of("data");
  public static final Path SEEDS = Path.of("..", "shared", "seeds");
  public static final Path CSV = ROOT.resolve("ctgov-csv");
  public static final Path TRACKER = ROOT.resolve("car-t-tracker");
  public static final Path LEGACY_XML_ZIP = ROOT.resolve("ctgov-legacy-xml.zip");

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private SharedCorpus() {}

  public static Path v2() {
    assumeTrue(Files.isDirectory(V2_JSON), "the shared corpus is not beside the project: " + V2_JSON.toAbsolutePath());
    return V2_JSON;
  }

  /** A study record as read from a file, with where it was read. */
  public record Study(String file, int position, JsonNode json) {
    public String nctId() {
      return json.path("protocolSection").path("identificationModule").path("nctId").asText();
    }
  }

  /** Every study of every file under the folder, in path order, one object or array per file. */
  public static List<Study> studies(Path folder) {
    List<Study> studies = new ArrayList<>();
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        JsonNode root = MAPPER.readTree(file.toFile());
        int position = 0;
        for (JsonNode study : root.isArray() ? root : List.of(root)) studies.add(new Study(file.toString(), ++position, study));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return studies;
  }

  public static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static ObjectMapper mapper() {
    return MAPPER;
  }
}
