package org.trialsearch.bench;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One search of the workload, as the web page asks it: query text in the subset of this project's
 * query language every peer can express (words, "phrases", field:, -negation; every clause must
 * match), filters per facet dimension (OR within, AND across) and an age the trial must admit.
 */
record BenchQuery(String kind, String text, Map<String, List<String>> filters, Double age) {

  /** A word or phrase, in one field (null: the default fields) or in none when negated. */
  record Clause(String field, List<String> words, boolean negated) {
    boolean phrase() {
      return words.size() > 1;
    }
  }

  private static final Pattern CLAUSE = Pattern.compile("(-)?(?:([a-z]+):)?(?:\"([^\"]+)\"|(\\S+))");

  List<Clause> clauses() {
    List<Clause> clauses = new ArrayList<>();
    Matcher m = CLAUSE.matcher(text);
    while (m.find()) {
      String body = m.group(3) != null ? m.group(3) : m.group(4);
      clauses.add(new Clause(m.group(2), List.of(body.toLowerCase().split("\\s+")), m.group(1) != null));
    }
    return clauses;
  }

  /** The filters and age as URL parameters, this project's own names: {@code antigen=CD19&age=10}. */
  String filterParams() {
    List<String> params = new ArrayList<>();
    filters.forEach((dim, values) -> values.forEach(v -> params.add(dim + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8))));
    if (age != null) params.add("age=" + age.intValue());
    return String.join("&", params);
  }

  /** A workload line: kind, query text, filter parameters, tab-separated. */
  static BenchQuery parse(String line) {
    String[] parts = line.split("\t", -1);
    Map<String, List<String>> filters = new LinkedHashMap<>();
    Double age = null;
    if (parts.length > 2 && !parts[2].isEmpty()) {
      for (String param : parts[2].split("&")) {
        String name = param.substring(0, param.indexOf('='));
        String value = URLDecoder.decode(param.substring(param.indexOf('=') + 1), StandardCharsets.UTF_8);
        if (name.equals("age")) age = Double.valueOf(value);
        else filters.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
      }
    }
    return new BenchQuery(parts[0], parts[1], filters, age);
  }

  String line() {
    return kind + "\t" + text + "\t" + filterParams();
  }
}
