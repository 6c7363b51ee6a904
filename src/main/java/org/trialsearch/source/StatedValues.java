package org.trialsearch.source;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the values of one record that must be parsed: dates, ages, counts, coordinates. A value
 * that is stated but cannot be read is left out of the trial and noted, so that the ingest report
 * names it with the record's file and position; the rest of the record is kept.
 */
public final class StatedValues {

  private static final int SHOWN_CHARS = 60;
  /** What exports write in a cell that states nothing ("null" in the website's CSV). */
  private static final Pattern NOTHING = Pattern.compile("(?i)null|n/?a|none|unknown|-+");

  private final List<String> unreadable = new ArrayList<>();

  /** A date as the formats write it ({@link Dates}); null when none is stated ("", "null", "N/A") or it cannot be read. */
  public LocalDate date(String what, String text) {
    if (isBlank(text)) return null;
    LocalDate date = Dates.parse(text);
    if (date == null) note(what, text);
    return date;
  }

  /** An age limit in years ({@link AgeParser}); null when none is stated, when it says there is none ("N/A"), or when it cannot be read. */
  public Double age(String what, String text) {
    if (isBlank(text) || AgeParser.statesNoLimit(text)) return null;
    Double years = AgeParser.years(text);
    if (years == null) note(what, text);
    return years;
  }

  /** A whole number such as an enrollment ("120", "1,200", "120.0"). */
  public Integer count(String what, String text) {
    if (isBlank(text)) return null;
    try {
      double value = Double.parseDouble(text.strip().replace(",", ""));
      if (value >= 0 && value <= Integer.MAX_VALUE && value == Math.rint(value)) return (int) value;
    } catch (NumberFormatException e) {
      // noted below
    }
    note(what, text);
    return null;
  }

  /** A decimal number such as a coordinate, within the bounds it must keep. */
  public Double number(String what, String text, double min, double max) {
    if (isBlank(text)) return null;
    try {
      double value = Double.parseDouble(text.strip());
      if (value >= min && value <= max) return value;
    } catch (NumberFormatException e) {
      // noted below
    }
    note(what, text);
    return null;
  }

  /** Notes a value the caller found stated but could not read. */
  public void note(String what, String text) {
    String shown = text.strip();
    if (shown.length() > SHOWN_CHARS) shown = shown.substring(0, SHOWN_CHARS) + "…";
    unreadable.add("unreadable " + what + " '" + shown + "': the record is kept without it");
  }

  /** Tells the sink of every value of the record that could not be read. */
  public void report(RecordSink sink, String file, int position) {
    for (String problem : unreadable) sink.warn(file, position, problem);
  }

  private static boolean isBlank(String text) {
    return text == null || text.isBlank() || NOTHING.matcher(text.strip()).matches();
  }
}
