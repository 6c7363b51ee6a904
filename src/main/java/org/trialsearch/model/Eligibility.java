package org.trialsearch.model;

import java.util.List;

/**
 * Who may take part. {@code criteria} is the whole text; {@code inclusion} and {@code exclusion} are
 * its two halves when the text has such headings (both null otherwise). Ages are in years, null
 * meaning no limit when {@code agesStated} is true; a source that says nothing about ages (a page
 * with criteria only, a CSV without age columns) leaves {@code agesStated} null, and such a trial
 * is not taken as open to every age.
 */
public record Eligibility(
    String criteria,
    String inclusion,
    String exclusion,
    Double minimumAgeYears,
    Double maximumAgeYears,
    String sex,
    Boolean healthyVolunteers,
    List<String> stdAges,
    Boolean agesStated) {

  public Eligibility {
    stdAges = List.copyOf(stdAges);
  }

  public boolean isSplit() {
    return inclusion != null || exclusion != null;
  }
}
