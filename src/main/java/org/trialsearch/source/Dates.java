package org.trialsearch.source;

import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.DateTimeException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Registry dates as the formats write them: "2023-06-01", "2023-06", "2023", "June 24, 2005",
 * "March 2015", "Dec 01 2015". A partial date means its first day.
 */
public final class Dates {

  private static final Pattern ISO = Pattern.compile("(\\d{4})(?:-(\\d{1,2})(?:-(\\d{1,2}))?)?");
  private static final Pattern MONTH_FIRST = Pattern.compile("([A-Za-z]{3,9})\\.?\\s+(?:(\\d{1,2}),?\\s+)?(\\d{4})");

  private Dates() {}

  public static LocalDate parse(String text) {
    if (text == null) return null;
    String s = text.strip();
    try {
      Matcher iso = ISO.matcher(s);
      if (iso.matches()) return of(Integer.parseInt(iso.group(1)), iso.group(2), iso.group(3));
      Matcher words = MONTH_FIRST.matcher(s);
      if (words.matches()) {
        Month month = month(words.group(1));
        if (month != null) return of(Integer.parseInt(words.group(3)), String.valueOf(month.getValue()), words.group(2));
      }
      return null;
    } catch (DateTimeException | NumberFormatException e) {
      return null;
    }
  }

  private static LocalDate of(int year, String month, String day) {
    if (month == null) return LocalDate.of(year, 1, 1);
    YearMonth ym = YearMonth.of(year, Integer.parseInt(month));
    return day == null ? ym.atDay(1) : ym.atDay(Integer.parseInt(day));
  }

  private static Month month(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (Month m : Month.values()) {
      if (m.name().toLowerCase(Locale.ROOT).startsWith(lower.length() >= 3 ? lower : "-")) return m;
    }
    return null;
  }
}
