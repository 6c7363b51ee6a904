package org.trialsearch.enrich;

import java.time.LocalDate;
import java.util.List;

/**
 * What enrichment derives from a trial, in canonical values: the facets people filter on. An empty
 * list means the sources state nothing for that facet. {@code minAgeYears} and {@code maxAgeYears}
 * are the limits an age filter uses (stated limits, else the bounds of the stated age groups; null
 * = no limit); {@code agesStated} is false when no source says anything about ages, and such a
 * trial is left out of age filters. {@code modalities} is the kind of cell therapy ("CAR-T", ...,
 * "Not cell therapy"). {@code status} is the status to filter and count by: the one the sources
 * state ({@code statusStated}), except that an open status (recruiting, not yet recruiting,
 * active, enrolling by invitation) not verified for two years is UNKNOWN, as the registry itself
 * shows it. {@code statusAsOf} is the date the status was verified, or else the last update of
 * the record that gave it, and {@code statusSource} that record's format.
 */
public record TrialFacets(
    String status,
    String statusStated,
    LocalDate statusAsOf,
    String statusSource,
    List<String> phases,
    List<String> antigens,
    List<String> countries,
    List<String> ageGroups,
    boolean agesStated,
    Double minAgeYears,
    Double maxAgeYears,
    List<String> modalities,
    String sponsorType,
    String studyType,
    List<String> interventionTypes,
    Integer startYear,
    String sex,
    Boolean healthyVolunteers) {

  public TrialFacets {
    phases = List.copyOf(phases);
    antigens = List.copyOf(antigens);
    countries = List.copyOf(countries);
    ageGroups = List.copyOf(ageGroups);
    modalities = List.copyOf(modalities);
    interventionTypes = List.copyOf(interventionTypes);
  }
}
