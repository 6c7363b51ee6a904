package org.trialsearch.config;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The one format of every file in {@code index-config/}: one entry a line, {@code a | b | c => x | y}.
 * Blank lines and lines starting with {@code #} are ignored. Each file gives the two sides its own
 * meaning (aliases => canonical name, product names => antigens, ...). Entries keep their line number
 * so that a bad one can be named precisely.
 */
public final class VocabularyFile {

  /** One line: the values left of {@code =>} and right of it, each list non-empty. */
  public record Entry(String file, int line, List<String> left, List<String> right) {

    /** A message that names this entry's file and line. */
    public ConfigException error(String problem) {
      return new ConfigException(file + ":" + line + ": " + problem);
    }

    /** The right side as exactly one value. */
    public String single() {
      if (right.size() != 1) throw error("expected one value after '=>', found " + right.size());
      return right.get(0);
    }
  }

  private VocabularyFile() {}

  public static List<Entry> parse(String file, Reader reader) throws IOException {
    List<Entry> entries = new ArrayList<>();
    BufferedReader lines = new BufferedReader(reader);
    String text;
    int lineNumber = 0;
    while ((text = lines.readLine()) != null) {
      lineNumber++;
      String line = text.strip();
      if (line.isEmpty() || line.startsWith("#")) continue;
      int arrow = line.indexOf("=>");
      if (arrow < 0 || line.indexOf("=>", arrow + 2) >= 0) {
        throw new ConfigException(file + ":" + lineNumber + ": expected 'value | value => value', got '" + line + "'");
      }
      Entry entry = new Entry(file, lineNumber, values(line.substring(0, arrow)), values(line.substring(arrow + 2)));
      if (entry.left().isEmpty() || entry.right().isEmpty()) {
        throw entry.error("both sides of '=>' need a value");
      }
      entries.add(entry);
    }
    return entries;
  }

  private static List<String> values(String side) {
    return Arrays.stream(side.split("\\|")).map(String::strip).filter(v -> !v.isEmpty()).toList();
  }
}
