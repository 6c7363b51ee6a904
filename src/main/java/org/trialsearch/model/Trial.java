package org.trialsearch.model;

import java.time.LocalDate;
import java.util.List;

/**
 * One clinical trial as its sources state it. Every source format maps into this record; derived
 * facets (antigens, countries, the status after the registry's two-year rule, ...) live apart in
 * {@code TrialFacets}. {@code statusVerified} is the date the source says the status was last
 * checked.
 * Lists are never null; absent scalars are null.
 */
public record Trial(
    String nctId,
    TrialIds ids,
    String briefTitle,
    String officialTitle,
    String acronym,
    String status,
    List<String> phases,
    String studyType,
    List<String> conditions,
    List<String> keywords,
    List<Intervention> interventions,
    List<Arm> arms,
    List<Outcome> primaryOutcomes,
    List<Outcome> secondaryOutcomes,
    String briefSummary,
    String detailedDescription,
    Eligibility eligibility,
    Integer enrollment,
    Sponsor sponsor,
    List<String> countries,
    List<Site> sites,
    List<Contact> centralContacts,
    List<Official> overallOfficials,
    LocalDate startDate,
    LocalDate statusVerified,
    LocalDate lastUpdate,
    LocalDate versionHolder,
    List<SourceRef> sources) {

  public Trial {
    phases = List.copyOf(phases);
    conditions = List.copyOf(conditions);
    keywords = List.copyOf(keywords);
    interventions = List.copyOf(interventions);
    arms = List.copyOf(arms);
    primaryOutcomes = List.copyOf(primaryOutcomes);
    secondaryOutcomes = List.copyOf(secondaryOutcomes);
    countries = List.copyOf(countries);
    sites = List.copyOf(sites);
    centralContacts = List.copyOf(centralContacts);
    overallOfficials = overallOfficials == null ? List.of() : List.copyOf(overallOfficials);
    sources = List.copyOf(sources);
  }

  /** This record under another trial id, saying how it was tied to that trial. */
  public Trial linkedTo(String id, SourceRef.LinkedBy how) {
    return new Trial(id, ids, briefTitle, officialTitle, acronym, status, phases, studyType, conditions, keywords,
        interventions, arms, primaryOutcomes, secondaryOutcomes, briefSummary, detailedDescription, eligibility,
        enrollment, sponsor, countries, sites, centralContacts, overallOfficials, startDate, statusVerified, lastUpdate, versionHolder,
        sources.stream().map(s -> s.linkedBy(how)).toList());
  }

  /** This record with its status and phases in other terms, and its sources saying so. */
  public Trial withStatusAndPhases(String newStatus, List<String> newPhases, List<SourceRef> newSources) {
    return new Trial(nctId, ids, briefTitle, officialTitle, acronym, newStatus, newPhases, studyType, conditions, keywords,
        interventions, arms, primaryOutcomes, secondaryOutcomes, briefSummary, detailedDescription, eligibility,
        enrollment, sponsor, countries, sites, centralContacts, overallOfficials, startDate, statusVerified, lastUpdate, versionHolder, newSources);
  }

  /** The title people see: the brief title, else the official one, else the id. */
  public String displayTitle() {
    if (briefTitle != null) return briefTitle;
    if (officialTitle != null) return officialTitle;
    return nctId;
  }
}
