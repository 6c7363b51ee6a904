package org.trialsearch.source.ctgov;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.trialsearch.model.Arm;
import org.trialsearch.model.Contact;
import org.trialsearch.model.Eligibility;
import org.trialsearch.model.Intervention;
import org.trialsearch.model.Official;
import org.trialsearch.model.Outcome;
import org.trialsearch.model.Site;
import org.trialsearch.model.SourceFormat;
import org.trialsearch.model.SourceRef;
import org.trialsearch.model.Sponsor;
import org.trialsearch.model.Trial;
import org.trialsearch.model.TrialIds;
import org.trialsearch.source.CriteriaSplitter;
import org.trialsearch.source.InvalidRecordException;
import org.trialsearch.source.StatedValues;

/** Maps one ClinicalTrials.gov API v2 study ({@code protocolSection}, {@code derivedSection}) to a {@link Trial}. */
final class CtgovStudyMapper {

  private static final Pattern NCT_ID = Pattern.compile("NCT\\d{8}");
  /** API v2 text is Markdown; its escapes ("\>= 18") are not part of the criteria. */
  private static final Pattern MARKDOWN_ESCAPE = Pattern.compile("\\\\([\\\\`*_{}\\[\\]()#+\\-.!<>~|=])");

  /** @param values where the values that cannot be read are noted, for the report */
  Trial map(JsonNode study, String file, int position, StatedValues values) {
    JsonNode protocol = study.path("protocolSection");
    JsonNode id = protocol.path("identificationModule");
    String nctId = text(id, "nctId");
    if (nctId == null) throw new InvalidRecordException("study without an NCT id (identificationModule.nctId)");
    if (!NCT_ID.matcher(nctId).matches()) throw new InvalidRecordException("not an NCT id: '" + nctId + "'");

    JsonNode status = protocol.path("statusModule");
    JsonNode design = protocol.path("designModule");
    JsonNode conditions = protocol.path("conditionsModule");
    JsonNode arms = protocol.path("armsInterventionsModule");
    JsonNode outcomes = protocol.path("outcomesModule");
    JsonNode description = protocol.path("descriptionModule");
    JsonNode contacts = protocol.path("contactsLocationsModule");
    List<Site> sites = list(contacts.path("locations"), location -> site(location, values));
    LocalDate lastUpdate = values.date("last update date", text(status.path("lastUpdatePostDateStruct"), "date"));
    return new Trial(
        nctId,
        ids(id),
        text(id, "briefTitle"),
        text(id, "officialTitle"),
        text(id, "acronym"),
        text(status, "overallStatus"),
        strings(design.path("phases")),
        text(design, "studyType"),
        strings(conditions.path("conditions")),
        strings(conditions.path("keywords")),
        list(arms.path("interventions"), CtgovStudyMapper::intervention),
        list(arms.path("armGroups"), CtgovStudyMapper::arm),
        list(outcomes.path("primaryOutcomes"), CtgovStudyMapper::outcome),
        list(outcomes.path("secondaryOutcomes"), CtgovStudyMapper::outcome),
        markdown(text(description, "briefSummary")),
        markdown(text(description, "detailedDescription")),
        eligibility(protocol.get("eligibilityModule"), values),
        values.count("enrollment", text(design.path("enrollmentInfo"), "count")),
        sponsor(protocol.path("sponsorCollaboratorsModule")),
        sites.stream().map(Site::country).filter(Objects::nonNull).distinct().toList(),
        sites,
        list(contacts.path("centralContacts"), CtgovStudyMapper::contact),
        list(contacts.path("overallOfficials"), CtgovStudyMapper::official),
        values.date("start date", text(status.path("startDateStruct"), "date")),
        values.date("status verified date", text(status, "statusVerifiedDate")),
        lastUpdate,
        values.date("version date", text(study.path("derivedSection").path("miscInfoModule"), "versionHolder")),
        List.of(SourceRef.of(SourceFormat.CTGOV_V2_JSON, file, position).dated(lastUpdate)));
  }

  private static TrialIds ids(JsonNode id) {
    String eudract = null;
    String ctis = null;
    List<String> others = new ArrayList<>();
    for (JsonNode secondary : id.path("secondaryIdInfos")) {
      String value = text(secondary, "id");
      if (value == null) continue;
      String type = Objects.requireNonNullElse(text(secondary, "type"), "");
      if (type.equals("EUDRACT_NUMBER") && eudract == null) eudract = value;
      else if (type.equals("CTIS") && ctis == null) ctis = value;
      else others.add(value);
    }
    return new TrialIds(text(id.path("orgStudyIdInfo"), "id"), eudract, ctis, others);
  }

  /** The registry states ages for every study with an eligibility module: a missing limit means none. */
  private static Eligibility eligibility(JsonNode module, StatedValues values) {
    if (module == null || !module.isObject()) return null;
    String criteria = markdown(text(module, "eligibilityCriteria"));
    CriteriaSplitter.Halves halves = CriteriaSplitter.split(criteria);
    JsonNode healthy = module.path("healthyVolunteers");
    return new Eligibility(
        criteria,
        halves.inclusion(),
        halves.exclusion(),
        values.age("minimum age", text(module, "minimumAge")),
        values.age("maximum age", text(module, "maximumAge")),
        text(module, "sex"),
        healthy.isBoolean() ? healthy.asBoolean() : null,
        strings(module.path("stdAges")),
        Boolean.TRUE);
  }

  private static Sponsor sponsor(JsonNode module) {
    JsonNode lead = module.path("leadSponsor");
    List<String> collaborators = list(module.path("collaborators"), c -> text(c, "name"));
    if (lead.isMissingNode() && collaborators.isEmpty()) return null;
    return new Sponsor(text(lead, "name"), text(lead, "class"), collaborators);
  }

  private static Intervention intervention(JsonNode node) {
    return new Intervention(text(node, "type"), text(node, "name"), strings(node.path("otherNames")), markdown(text(node, "description")));
  }

  private static Arm arm(JsonNode node) {
    return new Arm(text(node, "label"), text(node, "type"), markdown(text(node, "description")), strings(node.path("interventionNames")));
  }

  private static Outcome outcome(JsonNode node) {
    return new Outcome(text(node, "measure"), markdown(text(node, "description")), text(node, "timeFrame"));
  }

  private static Site site(JsonNode node, StatedValues values) {
    JsonNode geo = node.path("geoPoint");
    return new Site(text(node, "facility"), text(node, "city"), text(node, "state"), text(node, "zip"), text(node, "country"),
        text(node, "status"), values.number("site latitude", text(geo, "lat"), -90, 90),
        values.number("site longitude", text(geo, "lon"), -180, 180), list(node.path("contacts"), CtgovStudyMapper::contact));
  }

  private static Contact contact(JsonNode node) {
    return new Contact(text(node, "name"), text(node, "role"), text(node, "phone"), text(node, "phoneExt"), text(node, "email"));
  }

  private static Official official(JsonNode node) {
    return new Official(text(node, "name"), text(node, "role"), text(node, "affiliation"));
  }

  private static String markdown(String text) {
    return text == null ? null : MARKDOWN_ESCAPE.matcher(text).replaceAll("$1");
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (!value.isValueNode() || value.isNull()) return null;
    String text = value.asText().strip();
    return text.isEmpty() ? null : text;
  }

  private static List<String> strings(JsonNode array) {
    return list(array, n -> n.isValueNode() && !n.asText().isBlank() ? n.asText().strip() : null);
  }

  private static <T> List<T> list(JsonNode array, Function<JsonNode, T> item) {
    List<T> out = new ArrayList<>();
    if (array.isArray()) {
      for (JsonNode node : array) {
        T value = item.apply(node);
        if (value != null) out.add(value);
      }
    }
    return out;
  }
}
