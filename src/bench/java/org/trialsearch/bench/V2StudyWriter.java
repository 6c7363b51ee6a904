package org.trialsearch.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.trialsearch.model.Eligibility;
import org.trialsearch.model.Intervention;
import org.trialsearch.model.Site;
import org.trialsearch.model.Trial;

/**
 * A trial written back as a ClinicalTrials.gov API v2 study, the format every system of the
 * benchmark starts from: this project indexes the files with its own {@code index} command, the
 * peers receive what this project reads back from them.
 */
final class V2StudyWriter {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private V2StudyWriter() {}

  static ObjectNode study(Trial trial) {
    ObjectNode study = JSON.objectNode();
    ObjectNode protocol = study.putObject("protocolSection");
    identification(protocol.putObject("identificationModule"), trial);
    ObjectNode status = protocol.putObject("statusModule");
    put(status, "overallStatus", trial.status());
    date(status, "startDateStruct", trial.startDate());
    date(status, "lastUpdatePostDateStruct", trial.lastUpdate());
    ObjectNode design = protocol.putObject("designModule");
    put(design, "studyType", trial.studyType());
    strings(design, "phases", trial.phases());
    if (trial.enrollment() != null) design.putObject("enrollmentInfo").put("count", trial.enrollment());
    ObjectNode conditions = protocol.putObject("conditionsModule");
    strings(conditions, "conditions", trial.conditions());
    strings(conditions, "keywords", trial.keywords());
    interventions(protocol.putObject("armsInterventionsModule"), trial.interventions());
    ObjectNode description = protocol.putObject("descriptionModule");
    put(description, "briefSummary", trial.briefSummary());
    put(description, "detailedDescription", trial.detailedDescription());
    if (trial.eligibility() != null) eligibility(protocol.putObject("eligibilityModule"), trial.eligibility());
    if (trial.sponsor() != null) {
      ObjectNode sponsors = protocol.putObject("sponsorCollaboratorsModule");
      ObjectNode lead = sponsors.putObject("leadSponsor");
      put(lead, "name", trial.sponsor().lead());
      put(lead, "class", trial.sponsor().leadClass());
      ArrayNode collaborators = sponsors.putArray("collaborators");
      trial.sponsor().collaborators().forEach(c -> collaborators.addObject().put("name", c));
    }
    locations(protocol.putObject("contactsLocationsModule"), trial);
    return study;
  }

  private static void identification(ObjectNode id, Trial trial) {
    id.put("nctId", trial.nctId());
    if (trial.ids().orgStudyId() != null) id.putObject("orgStudyIdInfo").put("id", trial.ids().orgStudyId());
    put(id, "briefTitle", trial.briefTitle());
    put(id, "officialTitle", trial.officialTitle());
    put(id, "acronym", trial.acronym());
  }

  private static void interventions(ObjectNode module, List<Intervention> interventions) {
    ArrayNode list = module.putArray("interventions");
    for (Intervention intervention : interventions) {
      ObjectNode node = list.addObject();
      put(node, "type", intervention.type());
      put(node, "name", intervention.name());
      strings(node, "otherNames", intervention.otherNames());
    }
  }

  private static void eligibility(ObjectNode module, Eligibility eligibility) {
    put(module, "eligibilityCriteria", criteria(eligibility));
    if (eligibility.healthyVolunteers() != null) module.put("healthyVolunteers", eligibility.healthyVolunteers());
    put(module, "sex", eligibility.sex());
    if (Boolean.TRUE.equals(eligibility.agesStated()) || eligibility.agesStated() == null) {
      put(module, "minimumAge", years(eligibility.minimumAgeYears()));
      put(module, "maximumAge", years(eligibility.maximumAgeYears()));
    }
    strings(module, "stdAges", eligibility.stdAges());
  }

  /** The whole criteria text; halves read from a page are put back under their headings. */
  private static String criteria(Eligibility eligibility) {
    if (eligibility.criteria() != null) return eligibility.criteria();
    if (!eligibility.isSplit()) return null;
    return "Inclusion Criteria:\n\n" + (eligibility.inclusion() == null ? "" : eligibility.inclusion())
        + "\n\nExclusion Criteria:\n\n" + (eligibility.exclusion() == null ? "" : eligibility.exclusion());
  }

  private static String years(Double years) {
    if (years == null) return null;
    if (years == Math.rint(years)) return (long) (double) years + " Years";
    return Math.round(years * 12) + " Months";
  }

  /** One location per site, and one bare country for each stated country no site is in. */
  private static void locations(ObjectNode module, Trial trial) {
    ArrayNode list = module.putArray("locations");
    Set<String> countries = new LinkedHashSet<>(trial.countries());
    for (Site site : trial.sites()) {
      ObjectNode node = list.addObject();
      put(node, "facility", site.facility());
      put(node, "city", site.city());
      put(node, "state", site.state());
      put(node, "country", site.country());
      put(node, "status", site.status());
      countries.remove(site.country());
    }
    countries.forEach(country -> list.addObject().put("country", country));
  }

  private static void date(ObjectNode parent, String field, LocalDate date) {
    if (date != null) parent.putObject(field).put("date", date.toString());
  }

  private static void strings(ObjectNode parent, String field, List<String> values) {
    if (values.isEmpty()) return;
    ArrayNode array = parent.putArray(field);
    values.forEach(array::add);
  }

  private static void put(ObjectNode node, String field, String value) {
    if (value != null) node.put(field, value);
  }
}
