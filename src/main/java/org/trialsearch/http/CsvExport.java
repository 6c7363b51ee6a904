package org.trialsearch.http;

import java.io.IOException;
import java.io.Writer;
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

  public void write(SearchRequest request, Writer out) throws IOException {
    search.checkQuery(request);
    try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(COLUMNS.toArray(String[]::new)).get())) {
      search.walk(request, hit -> printer.printRecord(row(hit)));
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
