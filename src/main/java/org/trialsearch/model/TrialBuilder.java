package org.trialsearch.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects a trial's fields while a reader walks a record whose values come in any order (XML
 * elements, CSV columns, page labels). Fields are public because a builder is a bag of values;
 * {@link #build} applies the rules of {@link Trial}.
 */
public final class TrialBuilder {
  public String nctId;
  public String orgStudyId;
  public String eudractNumber;
  public String ctisNumber;
  public final List<String> otherIds = new ArrayList<>();
  public String briefTitle;
  public String officialTitle;
  public String acronym;
  public String status;
  public final List<String> phases = new ArrayList<>();
  public String studyType;
  public final List<String> conditions = new ArrayList<>();
  public final List<String> keywords = new ArrayList<>();
  public final List<Intervention> interventions = new ArrayList<>();
  public final List<Arm> arms = new ArrayList<>();
  public final List<Outcome> primaryOutcomes = new ArrayList<>();
  public final List<Outcome> secondaryOutcomes = new ArrayList<>();
  public String briefSummary;
  public String detailedDescription;
  public String criteria;
  public String inclusion;
  public String exclusion;
  public Double minimumAgeYears;
  public Double maximumAgeYears;
  public String sex;
  public Boolean healthyVolunteers;
  public final List<String> stdAges = new ArrayList<>();
  /** True once any eligibility value was read; otherwise the trial states no eligibility at all. */
  public boolean eligibilityStated;
  /** True when the source states age limits or age groups (a missing limit then means none). */
  public boolean agesStated;
  public Integer enrollment;
  public String leadSponsor;
  public String leadSponsorClass;
  public final List<String> collaborators = new ArrayList<>();
  public final List<String> countries = new ArrayList<>();
  public final List<Site> sites = new ArrayList<>();
  public final List<Contact> centralContacts = new ArrayList<>();
  public final List<Official> overallOfficials = new ArrayList<>();
  public LocalDate startDate;
  public LocalDate statusVerified;
  public LocalDate lastUpdate;
  public LocalDate versionHolder;
  public SourceRef source;

  public Trial build() {
    Eligibility eligibility = eligibilityStated || criteria != null
        ? new Eligibility(criteria, inclusion, exclusion, minimumAgeYears, maximumAgeYears, sex, healthyVolunteers, stdAges,
            agesStated ? Boolean.TRUE : null)
        : null;
    Sponsor sponsor = leadSponsor != null || !collaborators.isEmpty()
        ? new Sponsor(leadSponsor, leadSponsorClass, collaborators)
        : null;
    return new Trial(nctId, new TrialIds(orgStudyId, eudractNumber, ctisNumber, otherIds), briefTitle, officialTitle, acronym,
        status, phases, studyType, conditions, keywords, interventions, arms, primaryOutcomes, secondaryOutcomes,
        briefSummary, detailedDescription, eligibility, enrollment, sponsor, countries, sites, centralContacts,
        overallOfficials, startDate, statusVerified, lastUpdate, versionHolder, source == null ? List.of() : List.of(source.dated(lastUpdate)));
  }
}
