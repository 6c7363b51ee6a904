package org.trialsearch.search;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.trialsearch.search.SearchResponse.Hit;

/** Every trial a search matches as CSV rows with the facet fields, for spreadsheets; multiple values joined with "|". */
public final class CsvExport {

  static final List<String> COLUMNS = List.of("NCT Number", "Title", "Status", "Phases", "Antigens", "Countries", "Age Groups",
      "Minimum Age", "Maximum Age", "Conditions", "Sponsor", "Start Date", "Last Update", "URL");

  private final SearchService search;

  public CsvExport(SearchService search) {
    this.search = search;
  }

  public void write(SearchRequest request, Writer out) throws IOException {
    search.checkQuery(request);
    try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(COLUMNS.toArray(String[]::new)).get())) {
      search.walk(request, hit -> printer.printRecord(row(hit)));
    }
  }

  private static List<Object> row(Hit hit) {
    return java.util.Arrays.asList(hit.nctId(), hit.title(), hit.status(), join(hit.phases()), join(hit.antigens()),
        join(hit.countries()), join(hit.ageGroups()), hit.minimumAge(), hit.maximumAge(), join(hit.conditions()), hit.sponsor(),
        hit.startDate(), hit.lastUpdate(), hit.nctId().startsWith("NCT") ? "https://clinicaltrials.gov/study/" + hit.nctId() : null);
  }

  private static String join(List<String> values) {
    return String.join("|", values);
  }
}
