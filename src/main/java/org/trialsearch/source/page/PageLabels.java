package org.trialsearch.source.page;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.trialsearch.config.ConfigSource;
import org.trialsearch.config.VocabularyFile.Entry;

/**
 * The labels of {@code page-labels.txt}: label => page field, plus the lines that end criteria, the
 * hints to pass over and the site text that is on every page.
 */
record PageLabels(Map<String, PageField> fields, List<String> stopLines, List<String> hintStarts, List<String> boilerplateStarts) {

  static PageLabels load(ConfigSource config) {
    Map<String, PageField> fields = new HashMap<>();
    List<String> stops = List.of();
    List<String> hints = List.of();
    List<String> boilerplate = List.of();
    for (Entry entry : config.entries("page-labels.txt")) {
      String first = entry.left().get(0);
      if (first.equals("@stop")) {
        stops = entry.right().stream().map(PageLabels::key).toList();
      } else if (first.equals("@hint-starts")) {
        hints = entry.right();
      } else if (first.equals("@boilerplate-starts")) {
        boilerplate = entry.right();
      } else {
        PageField field = PageField.named(entry.single());
        if (field == null) throw entry.error("unknown page field '" + entry.single() + "'; fields are " + PageField.names());
        for (String label : entry.left()) {
          PageField previous = fields.putIfAbsent(key(label), field);
          if (previous != null && previous != field) throw entry.error("label '" + label + "' already fills " + previous.name);
        }
      }
    }
    return new PageLabels(fields, stops, hints, boilerplate);
  }

  /** The field a label names, or null; case and a trailing colon do not matter. */
  PageField field(String label) {
    return fields.get(key(label));
  }

  boolean isStop(String line) {
    return stopLines.contains(key(line));
  }

  boolean isHint(String line) {
    return hintStarts.stream().anyMatch(h -> line.startsWith(h + " ")) && line.endsWith(".");
  }

  /** Whether a line is the site's own text, the same on every page ("Choosing to participate in a study is ..."). */
  boolean isBoilerplate(String line) {
    return boilerplateStarts.stream().anyMatch(line::startsWith);
  }

  static String key(String label) {
    String k = label.strip().toLowerCase(Locale.ROOT);
    while (k.endsWith(":")) k = k.substring(0, k.length() - 1).strip();
    return k;
  }
}
