package org.trialsearch.source.page;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The lead sponsor of a page: on pages that list every organisation with its role, the one marked
 * "lead"; otherwise the value of a sponsor label.
 */
final class SponsorRoles {

  private static final Pattern LEAD_ROLE = Pattern.compile("(?i)^(sponsor\\s+)?role:?\\s+lead\\b.*");
  /** An organisation class line such as OTHER, INDUSTRY, NIH, OTHER_GOV. */
  private static final Pattern CLASS_LINE = Pattern.compile("^[A-Z_]{2,20}$");

  private final PageValues values;

  SponsorRoles(PageValues values) {
    this.values = values;
  }

  String lead(List<String> lines) {
    Integer label = values.labelLine.get(PageField.SPONSOR);
    if (label != null) {
      for (int i = label + 1; i < lines.size(); i++) {
        String line = PageText.clean(lines.get(i));
        if (i > label + 1 && values.isLabel(line) && !LEAD_ROLE.matcher(line).matches()) break;
        if (LEAD_ROLE.matcher(line).matches()) {
          String organisation = organisationBefore(lines, i - 1);
          if (organisation != null) return organisation;
        }
      }
    }
    return values.first(PageField.SPONSOR);
  }

  private static String organisationBefore(List<String> lines, int from) {
    for (int i = from; i >= 0; i--) {
      String line = PageText.clean(lines.get(i));
      if (line.isEmpty() || CLASS_LINE.matcher(line).matches()) continue;
      return line;
    }
    return null;
  }
}
