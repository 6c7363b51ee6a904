package org.trialsearch.enrich;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A trial's conditions as search reads them. A condition may name what the trial does not take
 * ("Inert B-cell Lymphoma Transformed Into Large B-cell Lymphoma (Excluding Richter
 * Transformation)"): those words are among its exclusions, not its condition. The record keeps its
 * conditions as stated; only search reads them this way.
 */
public final class ConditionReading {

  /** The conditions without their exceptions, and the exceptions ("Excluding Richter Transformation"). */
  public record Read(List<String> conditions, List<String> exceptions) {}

  /** "(Excluding X, Y)" anywhere, or ", except X" / "other than X" to the end. */
  private static final Pattern EXCEPTION = Pattern.compile(
      "(?i)\\(\\s*((?:excluding|except|other than|not including)\\b[^()]*)\\)|[,;]?\\s*\\b((?:excluding|except|other than)\\b[^()]*)$");

  private ConditionReading() {}

  public static Read of(List<String> conditions) {
    List<String> kept = new ArrayList<>();
    List<String> exceptions = new ArrayList<>();
    for (String condition : conditions) {
      if (condition == null) continue;
      Matcher m = EXCEPTION.matcher(condition);
      StringBuilder without = new StringBuilder();
      while (m.find()) {
        exceptions.add((m.group(1) != null ? m.group(1) : m.group(2)).strip());
        m.appendReplacement(without, " ");
      }
      m.appendTail(without);
      String rest = without.toString().strip();
      if (!rest.isEmpty()) kept.add(rest);
    }
    return new Read(kept, exceptions);
  }
}
