package org.trialsearch.source;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads registry ages ("16 Years", "6 Months", "N/A") as years; null means no limit. */
public final class AgeParser {

  private static final Pattern AGE = Pattern.compile(
      "(\\d+(?:\\.\\d+)?)\\s*(years?|yrs?|y|months?|mos?|weeks?|wks?|days?|hours?|minutes?)?\\.?");

  /** What registries write where there is no limit. */
  private static final Pattern NO_LIMIT = Pattern.compile("n/?a|none|no limit|not applicable|not specified");

  private AgeParser() {}

  /** Whether the text says there is no limit ("N/A"). */
  public static boolean statesNoLimit(String age) {
    return age != null && NO_LIMIT.matcher(age.strip().toLowerCase(Locale.ROOT)).matches();
  }

  public static Double years(String age) {
    if (age == null) return null;
    Matcher m = AGE.matcher(age.strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) return null;
    double n = Double.parseDouble(m.group(1));
    String unit = m.group(2) == null ? "y" : m.group(2);
    double years = switch (unit.charAt(0)) {
      case 'm' -> unit.startsWith("mi") ? n / (365.25 * 24 * 60) : n / 12;
      case 'w' -> n * 7 / 365.25;
      case 'd' -> n / 365.25;
      case 'h' -> n / (365.25 * 24);
      default -> n;
    };
    return Math.round(years * 1000) / 1000.0;
  }
}
