package org.trialsearch.source.page;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.trialsearch.source.CriteriaSplitter;
import org.trialsearch.source.CriteriaSplitter.Half;

/**
 * Where a page's eligibility criteria stand: from the first inclusion (or exclusion) heading to the
 * end of the exclusion list, which ends at the next label (a criterion that starts like one, "Age:
 * 18 or older", does not), at a line the labels file names as a stop, or at a paragraph after a
 * blank line that is not a list item.
 */
final class CriteriaRegion {

  private static final Pattern ITEM = Pattern.compile("^\\s*([•·▪◦*–-]|\\d{1,2}[.)])\\s*");

  private final PageLabels labels;
  private final PageValues values;

  CriteriaRegion(PageLabels labels, PageValues values) {
    this.labels = labels;
    this.values = values;
  }

  /** The criteria text, bullets as "- ", or null when the page has no criteria headings. */
  String find(List<String> lines) {
    int start = firstHeading(lines);
    if (start < 0) return null;
    int exclusionHeading = exclusionHeadingAfter(lines, start);
    List<String> region = new ArrayList<>();
    boolean inExclusion = false;
    boolean itemSinceHeading = false;
    boolean previousBlank = false;
    for (int i = start; i < lines.size(); i++) {
      String raw = lines.get(i);
      String clean = PageText.clean(raw);
      Half heading = CriteriaSplitter.headingOf(clean);
      if (i > start && heading == null && !clean.isEmpty()) {
        // before its exclusion heading, the inclusion list goes on past what reads as a label
        boolean exclusionAhead = !inExclusion && exclusionHeading > i;
        if (labels.isStop(clean) || (values.isLabel(clean) && !isCriterion(raw, clean) && !exclusionAhead)) break;
        if (inExclusion && previousBlank && itemSinceHeading && !ITEM.matcher(raw).find()) break;
      }
      if (heading != null) {
        inExclusion = heading == Half.EXCLUSION;
        itemSinceHeading = false;
        region.add(clean);
      } else if (!clean.isEmpty()) {
        itemSinceHeading = true;
        region.add(ITEM.matcher(raw).find() ? ITEM.matcher(raw).replaceFirst("- ") : raw.strip());
      } else {
        region.add("");
      }
      previousBlank = clean.isEmpty();
    }
    String text = String.join("\n", region).strip();
    return text.isEmpty() ? null : text;
  }

  /**
   * Whether a line that reads as a label is a criterion: one in a list ("- Age: 18 or older") or
   * worded as one ("Age range: 15 or older.", "Recipients:"), as a page's own labels are not.
   */
  private static boolean isCriterion(String raw, String clean) {
    return ITEM.matcher(raw).find() || clean.endsWith(".") || clean.endsWith(";") || clean.endsWith(":") || clean.endsWith(",");
  }

  /** The exclusion heading that follows the inclusion one, before a line that ends the criteria; -1 when none does. */
  private int exclusionHeadingAfter(List<String> lines, int start) {
    for (int i = start + 1; i < lines.size(); i++) {
      String clean = PageText.clean(lines.get(i));
      Half half = CriteriaSplitter.headingOf(clean);
      if (half == Half.EXCLUSION) return i;
      if (half == Half.INCLUSION || labels.isStop(clean)) return -1;
    }
    return -1;
  }

  private static int firstHeading(List<String> lines) {
    int exclusion = -1;
    for (int i = 0; i < lines.size(); i++) {
      Half half = CriteriaSplitter.headingOf(PageText.clean(lines.get(i)));
      if (half == Half.INCLUSION) return i;
      if (half == Half.EXCLUSION && exclusion < 0) exclusion = i;
    }
    return exclusion;
  }
}
