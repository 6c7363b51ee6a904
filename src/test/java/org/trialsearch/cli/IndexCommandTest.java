package org.trialsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialsearch.SharedCorpus;

/** The command line, run as users run it: a separate JVM. */
class IndexCommandTest {

  @TempDir
  Path dir;

  @Test
  void indexesTheV2FolderAndSaysWhatItRead() throws Exception {
    Run run = run(List.of("-Xmx256m"), "index", "--index", dir.resolve("index").toString(), SharedCorpus.v2().toString());
    assertEquals(0, run.exit, run.output);
    assertTrue(run.output.contains("Read 366 records from 19 files"), run.output);
    assertTrue(run.output.contains("Indexed 354 trials into"), run.output);
    assertTrue(run.output.contains("12 trials merged from several records, 11 of them from several files"), run.output);
    assertTrue(run.output.contains("Skipped 0"), run.output);
  }

  @Test
  void reportsClassicApiFilesAsUnsupported() throws Exception {
    Run run = run(List.of("-Xmx256m"), "index", "--index", dir.resolve("index").toString(), SharedCorpus.CLASSIC_JSON.toString());
    assertEquals(0, run.exit, run.output);
    assertTrue(run.output.contains("Indexed 0 trials"), run.output);
    assertTrue(run.output.contains("Skipped 3"), run.output);
    assertTrue(run.output.contains("NCT02028676.json #1: the retired classic ClinicalTrials.gov API format is not supported"), run.output);
  }

  /** An API page far larger than the heap indexes fine: studies are read one at a time. */
  @Test
  void streamsAFileLargerThanTheHeap() throws Exception {
    Path page = dir.resolve("page.json");
    int studies = writeLargeApiPage(page, 96L << 20);
    assertTrue(Files.size(page) > 96L << 20);
    Run run = run(List.of("-Xmx64m"), "index", "--index", dir.resolve("index").toString(), page.toString());
    assertEquals(0, run.exit, run.output);
    assertTrue(run.output.contains("Indexed " + studies + " trials"), run.output);
  }

  @Test
  void helpDescribesEachCommand() throws Exception {
    Run index = run(List.of(), "index", "--help");
    assertEquals(0, index.exit);
    assertTrue(index.output.contains("Usage: trialsearch index [-hV] [--config=<config>] --index=<index> SOURCE..."), index.output);
    Run serve = run(List.of(), "serve", "--help");
    assertTrue(serve.output.contains("--port=<port>"), serve.output);
    assertTrue(serve.output.contains("Serves an index over HTTP."), serve.output);
  }

  @Test
  void aMissingSourceIsAnErrorWithoutAStackTrace() throws Exception {
    Run run = run(List.of(), "index", "--index", dir.resolve("index").toString(), dir.resolve("nowhere").toString());
    assertEquals(1, run.exit);
    assertTrue(run.output.contains("error: "), run.output);
    assertTrue(!run.output.contains("\tat "), run.output);
  }

  /** Real studies with new ids, repeated until the page passes the size; returns how many studies it holds. */
  private static int writeLargeApiPage(Path file, long bytes) throws IOException {
    List<JsonNode> real = new ArrayList<>();
    SharedCorpus.studies(SharedCorpus.v2().resolve("b7h3-ccr8-targets-ctg-studies.json")).forEach(s -> real.add(s.json()));
    int count = 0;
    try (JsonGenerator out = SharedCorpus.mapper().createGenerator(Files.newOutputStream(file))) {
      out.writeStartObject();
      out.writeArrayFieldStart("studies");
      while (Files.size(file) < bytes || count == 0) {
        for (JsonNode study : real) {
          ObjectNode copy = study.deepCopy();
          ((ObjectNode) copy.path("protocolSection").path("identificationModule")).put("nctId", String.format("NCT9%07d", count++));
          out.writeTree(copy);
        }
        out.flush();
      }
      out.writeEndArray();
      out.writeStringField("nextPageToken", "next");
      out.writeEndObject();
    }
    return count;
  }

  private record Run(int exit, String output) {}

  private static Run run(List<String> jvmOptions, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(jvmOptions);
    command.addAll(List.of("--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] output = process.getInputStream().readAllBytes();
    assertTrue(process.waitFor(5, TimeUnit.MINUTES));
    return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
  }
}
