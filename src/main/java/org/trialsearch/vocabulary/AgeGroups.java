package org.trialsearch.vocabulary;

import java.util.ArrayList;
import java.util.List;
import org.trialsearch.config.VocabularyFile.Entry;

/**
 * Age groups as the registry defines them ({@code age-groups.txt}: {@code 0 - 17 => CHILD}); a
 * missing upper bound is open-ended. Used when a record states age limits but no groups.
 */
public final class AgeGroups {

  private record Group(String name, double from, double to) {}

  private final List<Group> groups = new ArrayList<>();

  AgeGroups(List<Entry> entries) {
    for (Entry entry : entries) {
      String[] bounds = entry.left().get(0).split("-", -1);
      if (entry.left().size() != 1 || bounds.length != 2) throw entry.error("expected 'FROM - TO => GROUP' (TO may be empty)");
      try {
        double from = Double.parseDouble(bounds[0].strip());
        double to = bounds[1].isBlank() ? Double.POSITIVE_INFINITY : Double.parseDouble(bounds[1].strip());
        groups.add(new Group(entry.single(), from, to));
      } catch (NumberFormatException e) {
        throw entry.error("age bounds must be numbers of years: " + entry.left().get(0));
      }
    }
  }

  public List<String> names() {
    return groups.stream().map(Group::name).toList();
  }

  /** The lower bound of the youngest of these groups, or null when none is known. */
  public Double lowest(List<String> names) {
    return groups.stream().filter(g -> names.contains(g.name)).mapToDouble(Group::from).boxed().min(Double::compare).orElse(null);
  }

  /** The upper bound of the oldest of these groups; null when it is open-ended or none is known. */
  public Double highest(List<String> names) {
    double to = groups.stream().filter(g -> names.contains(g.name)).mapToDouble(Group::to).max().orElse(Double.POSITIVE_INFINITY);
    return Double.isInfinite(to) ? null : to;
  }

  /**
   * The groups that overlap [min, max] years (null bounds are open). A group covers whole years, so
   * CHILD (0 - 17) takes everyone under 18.
   */
  public List<String> overlapping(Double min, Double max) {
    double low = min == null ? 0 : min;
    double high = max == null ? Double.POSITIVE_INFINITY : max;
    return groups.stream().filter(g -> low < g.to + 1 && high >= g.from).map(Group::name).toList();
  }
}
