package org.trialsearch.source;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/** Registry dates come as "2023-06-01", "2023-06" or "2023"; a partial date means its first day. */
final class Dates {
  private Dates() {}

  static LocalDate parse(String text) {
    if (text == null) return null;
    try {
      return switch (text.length()) {
        case 4 -> LocalDate.of(Integer.parseInt(text), 1, 1);
        case 7 -> YearMonth.parse(text).atDay(1);
        default -> LocalDate.parse(text.substring(0, Math.min(10, text.length())));
      };
    } catch (DateTimeParseException | NumberFormatException e) {
      return null;
    }
  }
}
