package org.trialsearch.source;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Splits eligibility text into its inclusion and exclusion halves at headings such as "Inclusion
 * Criteria:" or "Key Exclusion Criteria". A text with several such sections ("for donors", "for
 * recipients") gives each half all its sections; a text with only an exclusion heading includes
 * by what comes before it. A text with no headings is not split.
 */
public final class CriteriaSplitter {

  /** Inclusion and exclusion text; both null when the text has no headings. */
  public record Halves(String inclusion, String exclusion) {}

  /** Which half a heading line opens. */
  public enum Half { INCLUSION, EXCLUSION }

  /** A heading's start: list marks, up to three words before it ("Key", "General Clinical"), and which half. */
  private static final String HEADING_START = "(?i)^[\\s*#>_-]*(?:[a-z/-]+\\s+){0,3}?(inclusion|exclusion)";

  private static final Pattern HEADING = Pattern.compile(HEADING_START + "(?:\\s+criteri(?:a|on))?\\b[^\\n]{0,60}$");

  /**
   * A heading with the first criterion, or a sentence about them, on its own line ("Exclusion
   * Criteria: The person who meets any of the following criteria will be excluded", "Inclusion
   * criteria: - Age > 18 years"): the text after the colon belongs to the half.
   */
  private static final Pattern HEADING_THEN_TEXT = Pattern.compile(HEADING_START + "\\s+criteri(?:a|on)[ \\t]*:[ \\t]*(\\S.*)$");

  /**
   * A heading run on after the last criterion of the other half, in records whose line breaks were
   * lost ("... Hepatitis C at screening Exclusion Criteria:- Any unstable ..."): written as a
   * heading, after a word in lower case or a number, it starts a line of its own. Not after a
   * capitalised word, which is the heading's own ("Key Exclusion Criteria:", "Healthy Control
   * Exclusion Criteria:").
   */
  private static final Pattern RUN_ON_HEADING = Pattern.compile(
      "\\b((?:\\p{Ll}|\\d)[\\w-]*[.;,)]?)[ \\t]+(?=(?:Inclusion Criteria|INCLUSION CRITERIA|Exclusion Criteria|EXCLUSION CRITERIA)[ \\t]*:)");

  private CriteriaSplitter() {}

  public static Halves split(String criteria) {
    if (criteria == null) return new Halves(null, null);
    StringBuilder inclusion = new StringBuilder();
    StringBuilder exclusion = new StringBuilder();
    StringBuilder before = new StringBuilder();
    StringBuilder current = before;
    boolean sawInclusion = false;
    boolean sawHeading = false;
    for (String line : RUN_ON_HEADING.matcher(criteria).replaceAll("$1\n").split("\\R", -1)) {
      var withText = HEADING_THEN_TEXT.matcher(line);
      boolean textAfter = withText.matches() && isHeading(line);
      Half half = textAfter ? half(withText.group(1)) : headingOf(line);
      if (half != null) {
        sawHeading = true;
        sawInclusion |= half == Half.INCLUSION;
        current = half == Half.INCLUSION ? inclusion : exclusion;
        if (textAfter) current.append(withText.group(2)).append('\n');
        continue;
      }
      current.append(line).append('\n');
    }
    if (!sawHeading) return new Halves(null, null);
    // "Eligibility Criteria: ... Exclusion Criteria: ...": what comes before the exclusion half includes
    if (!sawInclusion) inclusion.append(before);
    return new Halves(trimToNull(inclusion), trimToNull(exclusion));
  }

  /** The half a line heads ("Inclusion Criteria:", "Key Exclusion Criteria"), or null for any other line. */
  public static Half headingOf(String line) {
    var heading = HEADING.matcher(line);
    if (!heading.matches() || !isHeading(line)) return null;
    return half(heading.group(1));
  }

  private static Half half(String word) {
    return word.equalsIgnoreCase("inclusion") ? Half.INCLUSION : Half.EXCLUSION;
  }

  /**
   * A heading names the criteria or ends with a colon; "Exclusion of patients with ..." is a
   * criterion, and "Inclusion/Exclusion Criteria" heads both halves, so it splits nothing.
   */
  private static boolean isHeading(String line) {
    String text = line.strip().toLowerCase(Locale.ROOT);
    if (text.contains("inclusion") && text.contains("exclusion")) return false;
    return text.contains("criteri") || text.endsWith(":");
  }

  private static String trimToNull(StringBuilder text) {
    String s = text.toString().strip();
    return s.isEmpty() ? null : s;
  }
}
