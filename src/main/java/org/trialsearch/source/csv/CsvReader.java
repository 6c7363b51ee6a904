package org.trialsearch.source.csv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.trialsearch.config.ConfigSource;
import org.trialsearch.model.Site;
import org.trialsearch.model.SourceRef;
import org.trialsearch.source.RecordSink;
import org.trialsearch.source.SourceReader;

/**
 * CSV exports whose column set a mapping in {@code index-config/csv/} recognises by its signature
 * columns. Rows are cut apart first (a quoted cell may span lines) and each is parsed on its own,
 * so a row with a broken quote is reported and the rows after it are still read.
 */
public final class CsvReader implements SourceReader {

  /** A line that starts a row of every known export: an NCT id first, or after a rank. */
  private static final Pattern ROW_START = Pattern.compile("^(\\d+,)?\"?NCT\\d{8}\"?,");
  private static final int MAX_ROW_CHARS = 1 << 20;
  private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setTrim(true).get();
  /** Also takes text after a closing quote, as in the real export cell {@code "Expanded Access":Treatment IND/Protocol"}. */
  private static final CSVFormat LENIENT = FORMAT.builder().setTrailingData(true).get();

  private final List<CsvMapping> mappings;

  public CsvReader(ConfigSource config) {
    this.mappings = CsvMapping.loadAll(config);
  }

  @Override
  public boolean accepts(String name, byte[] head) {
    return name.toLowerCase(Locale.ROOT).endsWith(".csv");
  }

  @Override
  public void read(InputStream in, String name, RecordSink sink) throws IOException {
    BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    RowCutter rows = new RowCutter(lines);
    String headerText = rows.next();
    if (headerText == null) {
      sink.skip(name, 0, "empty CSV file");
      return;
    }
    List<String> header = parse(headerText.replace("\uFEFF", ""), FORMAT).map(CSVRecord::toList).orElse(List.of());
    Optional<CsvMapping> mapping = mappings.stream().filter(m -> m.recognises(new LinkedHashSet<>(header)))
        .max(Comparator.comparingInt(m -> m.signature().size()));
    if (mapping.isEmpty()) {
      sink.skip(name, 0, "unknown CSV columns (" + String.join(", ", header.subList(0, Math.min(6, header.size())))
          + ", ...); add a mapping for this export to index-config/csv/");
      return;
    }
    int position = 0;
    for (String text = rows.next(); text != null; text = rows.next()) {
      position++;
      if (rows.lastWasBroken) {
        Optional<CSVRecord> lenient = parse(text, LENIENT).filter(r -> r.size() == header.size());
        if (lenient.isEmpty()) {
          sink.skip(name, position, "malformed CSV row: a quoted cell is not closed before the next row starts");
          continue;
        }
        sink.warn(name, position, "a quote out of place; the row was read leniently");
        readRow(lenient.get(), header, mapping.get(), name, position, sink);
        continue;
      }
      Optional<CSVRecord> record = parse(text, FORMAT);
      if (record.isEmpty()) {
        sink.skip(name, position, "malformed CSV row");
        continue;
      }
      readRow(record.get(), header, mapping.get(), name, position, sink);
    }
  }

  private static void readRow(CSVRecord cells, List<String> header, CsvMapping mapping, String file, int position, RecordSink sink) {
    CsvRow row = new CsvRow();
    for (int i = 0; i < Math.min(header.size(), cells.size()); i++) {
      CsvField field = mapping.columns().get(header.get(i));
      String value = cells.get(i);
      // exports pad some cells with no-break spaces ("28 Weeks to 40 Weeks \u00A0 (Child)")
      if (field != null && value != null && !value.isBlank()) field.read(row, value.replace('\u00A0', ' ').strip());
    }
    if (row.trial.nctId == null || !row.trial.nctId.matches("NCT\\d{8}")) {
      sink.skip(file, position, "row without an NCT id");
      return;
    }
    Site site = row.site();
    if (site != null) row.trial.sites.add(site);
    row.trial.source = new SourceRef(mapping.format(), file, position, SourceRef.LinkedBy.NCT_ID, mapping.sitesOnly(), null);
    sink.accept(row.trial.build());
    row.values.report(sink, file, position);
  }

  private static Optional<CSVRecord> parse(String text, CSVFormat format) {
    try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
      List<CSVRecord> records = parser.getRecords();
      return records.size() == 1 ? Optional.of(records.get(0)) : Optional.empty();
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      return Optional.empty();
    }
  }

  /** Cuts the text into rows: a row goes on while a quoted cell is open, unless the next line plainly starts a new row. */
  private static final class RowCutter {
    private final BufferedReader lines;
    private String pending;
    boolean lastWasBroken;

    RowCutter(BufferedReader lines) {
      this.lines = lines;
    }

    String next() throws IOException {
      lastWasBroken = false;
      String first = pending != null ? pending : nextNonBlank();
      pending = null;
      if (first == null) return null;
      StringBuilder row = new StringBuilder(first);
      boolean open = quotes(first) % 2 == 1;
      while (open) {
        String line = lines.readLine();
        if (line == null || ROW_START.matcher(line).find() || row.length() > MAX_ROW_CHARS) {
          pending = line;
          lastWasBroken = true;
          return row.toString();
        }
        row.append('\n').append(line);
        open ^= quotes(line) % 2 == 1;
      }
      return row.toString();
    }

    private String nextNonBlank() throws IOException {
      String line;
      do {
        line = lines.readLine();
      } while (line != null && line.isBlank());
      return line;
    }

    private static int quotes(String line) {
      int n = 0;
      for (int i = 0; i < line.length(); i++) if (line.charAt(i) == '"') n++;
      return n;
    }
  }
}
