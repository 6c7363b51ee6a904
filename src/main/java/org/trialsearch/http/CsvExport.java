package org.trialsearch.http;

import io.javalin.http.Context;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.trialsearch.index.TrialSummary;
import org.trialsearch.search.SearchRequest;
import org.trialsearch.search.SearchResponse.Hit;
import org.trialsearch.search.SearchService;

/** Every trial a search matches as CSV rows with the facet fields, for spreadsheets; multiple values joined with "|". */
final class CsvExport {

  static final List<String> COLUMNS = List.of("NCT Number", "Title", "Status", "Phases", "Antigens", "Countries", "Age Groups",
      "Minimum Age", "Maximum Age", "Conditions", "Sponsor", "Start Date", "Last Update", "URL");

  private final SearchService search;

  CsvExport(SearchService search) {
    this.search = search;
  }

  /**
   * Streams the rows of every matching trial. Nothing is written, not even a header, until the
   * search has found its first page: whatever fails before (a query that cannot run, a search past
   * the time budget) is still answered as a JSON error.
   */
  void write(SearchRequest request, Context ctx) throws IOException {
    Rows rows = new Rows(ctx);
    try (rows) {
      search.walk(request, hit -> rows.printer().printRecord(row(hit)));
      rows.printer(); // the header alone when no trial matches
    }
  }

  /** The CSV answer, begun when the first row is ready. */
  private static final class Rows implements Closeable {
    private final Context ctx;
    private CSVPrinter printer;

    Rows(Context ctx) {
      this.ctx = ctx;
    }

    CSVPrinter printer() throws IOException {
      if (printer == null) {
        ctx.contentType("text/csv; charset=utf-8").header("Content-Disposition", "attachment; filename=\"trials.csv\"");
        Writer out = new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8);
        printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(COLUMNS.toArray(String[]::new)).get());
      }
      return printer;
    }

    @Override
    public void close() throws IOException {
      if (printer != null) printer.close();
    }
  }

  private static List<Object> row(Hit hit) {
    TrialSummary trial = hit.summary();
    return java.util.Arrays.asList(trial.nctId(), trial.title(), trial.status(), join(trial.phases()), join(trial.antigens()),
        join(trial.countries()), join(trial.ageGroups()), trial.minimumAge(), trial.maximumAge(), join(trial.conditions()),
        trial.sponsor(), trial.startDate(), trial.lastUpdate(),
        trial.nctId().startsWith("NCT") ? "https://clinicaltrials.gov/study/" + trial.nctId() : null);
  }

  private static String join(List<String> values) {
    return String.join("|", values);
  }
}
