package org.trialsearch.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.search.Explanation;

/**
 * A hit's score in words: each field and term (or phrase, or synonym set) that added to it, and
 * how much, read from Lucene's explanation tree.
 */
record ScoreExplanation(float score, List<Reason> reasons) {

  /** One contribution: the field, what matched there, and the score it added. */
  record Reason(String field, String matched, float score) {}

  private static final Pattern WEIGHT = Pattern.compile("^weight\\((.*) in \\d+\\)");
  private static final Pattern DISMAX = Pattern.compile("^max plus ([0-9.]+) times others of:");
  private static final Pattern SYNONYM = Pattern.compile("^Synonym\\((.*)\\)$");
  private static final int MAX_REASONS = 12;

  static ScoreExplanation of(Explanation explanation) {
    Map<String, Reason> reasons = new LinkedHashMap<>();
    collect(explanation, 1f, reasons);
    List<Reason> sorted = new ArrayList<>(reasons.values());
    sorted.sort(Comparator.comparingDouble(Reason::score).reversed());
    return new ScoreExplanation(explanation.getValue().floatValue(), sorted.subList(0, Math.min(MAX_REASONS, sorted.size())));
  }

  /** Walks the tree; a field's words that match twice (as written and with synonyms) add up to one reason. */
  private static void collect(Explanation node, float factor, Map<String, Reason> reasons) {
    if (!node.isMatch()) return;
    Matcher weight = WEIGHT.matcher(node.getDescription());
    if (weight.find()) {
      Reason r = reason(weight.group(1), node.getValue().floatValue() * factor);
      reasons.merge(r.field() + "\u0000" + r.matched(), r, (a, b) -> new Reason(a.field(), a.matched(), a.score() + b.score()));
      return;
    }
    Matcher dismax = DISMAX.matcher(node.getDescription());
    if (dismax.find()) {
      // the best field counts whole, the others by the tie-breaker
      float tie = Float.parseFloat(dismax.group(1));
      Explanation best = null;
      for (Explanation detail : node.getDetails()) {
        if (detail.isMatch() && (best == null || detail.getValue().floatValue() > best.getValue().floatValue())) best = detail;
      }
      for (Explanation detail : node.getDetails()) collect(detail, detail == best ? factor : factor * tie, reasons);
      return;
    }
    for (Explanation detail : node.getDetails()) collect(detail, factor, reasons);
  }

  /** "title:cd19", "criteria:\"hepatitis b\"" or "Synonym(title:leukaemia title:leukemia)". */
  private static Reason reason(String what, float score) {
    Matcher synonym = SYNONYM.matcher(what);
    String terms = synonym.matches() ? synonym.group(1) : what;
    int colon = terms.indexOf(':');
    String field = colon > 0 ? terms.substring(0, colon) : "";
    String matched = terms.replace(field + ":", "");
    if (synonym.matches()) matched = String.join(" or ", new java.util.LinkedHashSet<>(List.of(matched.split(" "))));
    return new Reason(field, matched, score);
  }
}
