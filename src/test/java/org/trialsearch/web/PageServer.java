package org.trialsearch.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.trialsearch.SharedCorpus;
import org.trialsearch.TestServer;

/**
 * The server the browser tests use, started once: the shared API v2 records, the CAR-T sample of
 * {@code data/}, one real record rewritten to carry markup in its title and criteria, and one
 * copied page that words its status and phases its own way; and
 * the one browser the browser tests share.
 */
final class PageServer {

  static final String HOSTILE_ID = "NCT09999901";
  static final String HOSTILE_TITLE = "Hostile <script>window.injected = true</script><img src=x onerror=\"window.injected = true\"> title";
  static final String HOSTILE_CRITERION = "<script>window.injected = true</script> no active hepatitis B";
  /** Markdown that tries to bring its own markup, a script link and an image. */
  static final String HOSTILE_SUMMARY = "A summary <script>window.injected = true</script> with [a link](javascript:window.injected=true)"
      + " and ![an image](x \"t\") <img src=x onerror=\"window.injected = true\">\n\n* a *listed* point";

  /** A trial site's card of NCT03984968 in its own words: "Enrolling", "Phase 2", "Phase 1". */
  static final String WORDED_PAGE = "003_f0ff8c014b9948cc.txt";

  private static TestServer server;
  private static Browser browser;

  private PageServer() {}

  /** One browser for every browser test, on this server. */
  static synchronized Browser browser() throws IOException {
    if (browser == null) {
      browser = Browser.open(get().port());
      Runtime.getRuntime().addShutdownHook(new Thread(browser::close));
    }
    return browser;
  }

  static synchronized TestServer get() {
    if (server == null) {
      server = TestServer.start(List.of(SharedCorpus.v2(), SharedCorpus.SAMPLE_DATA, hostileRecord(), SharedCorpus.SEEDS.resolve(WORDED_PAGE)));
      Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    }
    return server;
  }

  private static Path hostileRecord() {
    try {
      ObjectNode study = (ObjectNode) SharedCorpus.mapper().readTree(SharedCorpus.v2().resolve("NCT00973089.json").toFile());
      ObjectNode identification = (ObjectNode) study.path("protocolSection").path("identificationModule");
      identification.put("nctId", HOSTILE_ID).put("briefTitle", HOSTILE_TITLE);
      ((ObjectNode) study.path("protocolSection").path("descriptionModule")).put("briefSummary", HOSTILE_SUMMARY);
      ((ObjectNode) study.path("protocolSection").path("eligibilityModule"))
          .put("eligibilityCriteria", "Inclusion Criteria:\n\n* Adults\n\nExclusion Criteria:\n\n* " + HOSTILE_CRITERION);
      Path dir = Files.createTempDirectory("hostile-record");
      Files.writeString(dir.resolve("hostile.json"), SharedCorpus.mapper().writeValueAsString(study));
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
