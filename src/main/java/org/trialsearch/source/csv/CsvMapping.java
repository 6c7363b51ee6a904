package org.trialsearch.source.csv;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.trialsearch.config.ConfigException;
import org.trialsearch.config.ConfigSource;
import org.trialsearch.config.VocabularyFile.Entry;
import org.trialsearch.model.SourceFormat;

/**
 * How one known CSV export's columns map to trial fields, from a file in {@code index-config/csv/}:
 * {@code @format => CTGOV_CSV}, {@code @signature => Column | Column} (the columns that identify the
 * export; any other column may be missing), {@code @sites-only => true} for site lists that only
 * add sites to trials described elsewhere, and one {@code Column | Other spelling => field} line per
 * column.
 */
record CsvMapping(String name, SourceFormat format, List<String> signature, boolean sitesOnly, Map<String, CsvField> columns) {

  static List<CsvMapping> loadAll(ConfigSource config) {
    try {
      return config.list("csv").stream().map(file -> load("csv/" + file, config.entries("csv/" + file))).toList();
    } catch (java.io.IOException e) {
      throw new ConfigException("cannot list the CSV mappings in " + config.describe() + ": " + e.getMessage(), e);
    }
  }

  static CsvMapping load(String file, List<Entry> entries) {
    SourceFormat format = null;
    List<String> signature = List.of();
    boolean sitesOnly = false;
    Map<String, CsvField> columns = new LinkedHashMap<>();
    for (Entry entry : entries) {
      String key = entry.left().get(0);
      switch (key) {
        case "@format" -> format = format(entry);
        case "@signature" -> signature = entry.right();
        case "@sites-only" -> sitesOnly = Boolean.parseBoolean(entry.single());
        default -> {
          if (key.startsWith("@")) throw entry.error("unknown directive " + key + "; known: @format, @signature, @sites-only");
          CsvField field = CsvField.named(entry.single());
          if (field == null) throw entry.error("unknown field '" + entry.single() + "'; fields are " + String.join(", ", CsvField.names()));
          for (String column : entry.left()) columns.put(column, field);
        }
      }
    }
    if (format == null) throw new ConfigException(file + ": no '@format => ...' line");
    if (signature.isEmpty()) throw new ConfigException(file + ": no '@signature => ...' line");
    if (!columns.containsValue(CsvField.NCT_ID)) throw new ConfigException(file + ": no column maps to nctId");
    return new CsvMapping(file, format, signature, sitesOnly, columns);
  }

  private static SourceFormat format(Entry entry) {
    try {
      return SourceFormat.valueOf(entry.single());
    } catch (IllegalArgumentException e) {
      throw entry.error("unknown format '" + entry.single() + "'; formats are CTGOV_CSV, TRACKER_CSV");
    }
  }

  /** Whether a header carries every column of the signature. */
  boolean recognises(Set<String> header) {
    return header.containsAll(signature);
  }
}
