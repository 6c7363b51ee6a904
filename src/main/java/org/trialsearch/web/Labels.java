package org.trialsearch.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * The words people read in place of the registry's codes, as the search page's script shows them:
 * "Phase 1" for PHASE1, "Active, not recruiting" for ACTIVE_NOT_RECRUITING.
 */
public final class Labels {

  private static final Map<String, String> PHASES = Map.of("EARLY_PHASE1", "Early phase 1", "PHASE1", "Phase 1",
      "PHASE2", "Phase 2", "PHASE3", "Phase 3", "PHASE4", "Phase 4", "NA", "Not applicable");
  private static final Map<String, String> STATUSES = Map.of("ACTIVE_NOT_RECRUITING", "Active, not recruiting",
      "UNKNOWN", "Unknown status");
  private static final Map<String, String> AGE_GROUPS = Map.of("CHILD", "Child (0–17)", "ADULT", "Adult (18–64)",
      "OLDER_ADULT", "Older adult (65+)");
  private static final Map<String, String> SEXES = Map.of("ALL", "All", "FEMALE", "Female", "MALE", "Male");

  private static final DateTimeFormatter MONTH_YEAR = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

  private Labels() {}

  public static String phase(String code) {
    return PHASES.getOrDefault(code, sentence(code));
  }

  public static String status(String code) {
    return STATUSES.getOrDefault(code, sentence(code));
  }

  public static String ageGroup(String code) {
    return AGE_GROUPS.getOrDefault(code, sentence(code));
  }

  public static String sex(String code) {
    return SEXES.getOrDefault(code, code);
  }

  /**
   * How a status reads with its date: "Recruiting, as of March 2025"; an open status not verified
   * for two years reads "Unknown status (last known: Recruiting, as of July 2018)".
   */
  public static String statusText(String status, String stated, LocalDate asOf) {
    if (status == null) return null;
    String date = asOf == null ? ", date not stated" : ", as of " + asOf.format(MONTH_YEAR);
    if (status.equals("UNKNOWN") && stated != null && !stated.equals("UNKNOWN")) {
      return status(status) + " (last known: " + status(stated) + date + ")";
    }
    return status(status) + date;
  }

  /** The CSS class of a status badge: "status status-active-not-recruiting". */
  public static String statusClass(String code) {
    return "status status-" + (code == null ? "unknown" : code.toLowerCase(Locale.ROOT).replace('_', '-'));
  }

  /** "DIAGNOSTIC_TEST" reads "Diagnostic test". */
  public static String sentence(String code) {
    if (code == null || code.isEmpty()) return code;
    String words = code.toLowerCase(Locale.ROOT).replace('_', ' ');
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  /** "18–65 years", "18 and older", "up to 17 years", "all ages"; null when the trial states no limits. */
  public static String ageRange(Double min, Double max) {
    Double from = min != null && min > 0 ? min : null;
    if (from != null && max != null) return years(from) + "–" + years(max) + " years";
    if (from != null) return years(from) + " and older";
    if (max != null) return "up to " + years(max) + " years";
    return min != null ? "all ages" : null;
  }

  private static String years(double n) {
    return n == Math.rint(n) ? String.valueOf((long) n) : String.format(Locale.ROOT, "%.1f", n);
  }
}
