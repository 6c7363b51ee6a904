package org.trialsearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.trialsearch.SharedCorpus;
import org.trialsearch.TestServer;

/** Registry text on the trial pages of the shared corpus reads as text: the Markdown's escapes are not shown. */
class TrialPageTextTest {

  /** A Markdown escape as the registry writes it: "\[PTCL-NOS\]", "\- item", "\>= 18". */
  private static final Pattern ESCAPE = Pattern.compile("\\\\[\\[\\]\\-*()_#.!<>+=~|`{}]");

  @Test
  void noSummaryOfTheTrackersTrialsShowsAMarkdownEscape() throws IOException {
    List<String> escaped = new ArrayList<>();
    try (Reader in = Files.newBufferedReader(SharedCorpus.TRACKER.resolve("trials.csv"))) {
      for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
        if (ESCAPE.matcher(row.get("BriefSummary")).find()) escaped.add(row.get("NCTId"));
      }
    }
    assertEquals(64, escaped.size(), "the tracker's summaries that hold escapes");
    TestServer server = TestServer.fullCorpus();
    for (String id : escaped) {
      TestServer.Answer page = server.get("/trial/" + id);
      assertEquals(200, page.status(), id);
      Element summary = Jsoup.parse(page.body()).selectFirst("#section-summary ~ .prose");
      assertFalse(ESCAPE.matcher(summary.text()).find(), id + ": " + summary.text());
    }
  }
}
