package org.trialsearch.source.ctgov;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.trialsearch.model.Arm;
import org.trialsearch.model.Contact;
import org.trialsearch.model.Intervention;
import org.trialsearch.model.Official;
import org.trialsearch.model.Outcome;
import org.trialsearch.model.Site;
import org.trialsearch.model.SourceFormat;
import org.trialsearch.model.SourceRef;
import org.trialsearch.model.TrialBuilder;
import org.trialsearch.source.CriteriaSplitter;
import org.trialsearch.source.RecordSink;
import org.trialsearch.source.SourceReader;
import org.trialsearch.source.StatedValues;

/**
 * The legacy ClinicalTrials.gov {@code clinical_study} XML (the old bulk download, one study per
 * file), read with a streaming parser: only the values a {@code Trial} holds are kept, results
 * sections are passed over.
 */
public final class LegacyXmlReader implements SourceReader {

  private static final Pattern EUDRACT = Pattern.compile("\\d{4}-\\d{6}-\\d{2}");
  private static final Pattern CTIS = Pattern.compile("\\d{4}-\\d{6}-\\d{2}-\\d{2}");
  private static final XMLInputFactory FACTORY = XMLInputFactory.newFactory();

  static {
    FACTORY.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    FACTORY.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
  }

  @Override
  public boolean accepts(String name, byte[] head) {
    return name.toLowerCase(Locale.ROOT).endsWith(".xml") || new String(head, StandardCharsets.UTF_8).contains("<clinical_study");
  }

  @Override
  public void read(InputStream in, String name, RecordSink sink) throws IOException {
    XMLStreamReader xml = null;
    try {
      xml = FACTORY.createXMLStreamReader(in);
      Study study = new Study(name);
      List<String> path = new ArrayList<>();
      StringBuilder text = new StringBuilder();
      while (xml.hasNext()) {
        switch (xml.next()) {
          case XMLStreamConstants.START_ELEMENT -> {
            path.add(xml.getLocalName());
            if (path.size() == 1 && !xml.getLocalName().equals("clinical_study")) {
              sink.skip(name, 1, "XML but not a clinical_study record (root element <" + xml.getLocalName() + ">)");
              return;
            }
            text.setLength(0);
            study.start(String.join("/", path));
          }
          case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> text.append(xml.getText());
          case XMLStreamConstants.END_ELEMENT -> {
            study.end(String.join("/", path), text.toString());
            text.setLength(0);
            path.remove(path.size() - 1);
          }
          default -> { }
        }
      }
      if (study.trial.nctId == null) {
        sink.skip(name, 1, "clinical_study without an NCT id (id_info/nct_id)");
        return;
      }
      sink.accept(study.build());
      study.values.report(sink, name, 1);
    } catch (XMLStreamException e) {
      var at = e.getLocation();
      String where = at == null ? "" : " at line " + at.getLineNumber() + ", column " + at.getColumnNumber();
      sink.skip(name, 1, "malformed XML" + where + ": " + firstLine(e.getMessage()));
    } finally {
      if (xml != null) {
        try {
          xml.close();
        } catch (XMLStreamException e) {
          // nothing more to read
        }
      }
    }
  }

  private static String firstLine(String message) {
    if (message == null) return "";
    String[] lines = message.split("\\R");
    return lines[lines.length - 1].strip();
  }

  /** The values of one study, gathered by element path. */
  private static final class Study {
    private static final String ROOT = "clinical_study/";
    final TrialBuilder trial = new TrialBuilder();
    final StatedValues values = new StatedValues();
    private final List<String[]> interventionArms = new ArrayList<>();
    private final String file;
    private Intervention intervention;
    private List<String> interventionOtherNames;
    private List<String> interventionArmLabels;
    private String[] armGroup;
    private String[] outcome;
    private String[] site;
    private List<Contact> siteContacts;
    private String[] contact;
    private String[] official;

    Study(String file) {
      this.file = file;
    }

    void start(String path) {
      switch (path) {
        case ROOT + "intervention" -> {
          intervention = new Intervention(null, null, List.of(), null);
          interventionOtherNames = new ArrayList<>();
          interventionArmLabels = new ArrayList<>();
        }
        case ROOT + "arm_group" -> armGroup = new String[3];
        case ROOT + "primary_outcome", ROOT + "secondary_outcome" -> outcome = new String[3];
        case ROOT + "location" -> {
          site = new String[6];
          siteContacts = new ArrayList<>();
        }
        case ROOT + "overall_contact", ROOT + "overall_contact_backup", ROOT + "location/contact", ROOT + "location/contact_backup" ->
            contact = new String[4];
        case ROOT + "overall_official" -> official = new String[3];
        case ROOT + "eligibility" -> {
          // the registry states ages for every study: "N/A" means no limit
          trial.eligibilityStated = true;
          trial.agesStated = true;
        }
        default -> { }
      }
    }

    void end(String path, String raw) {
      if (!path.startsWith(ROOT)) return;
      String value = raw.strip();
      switch (path.substring(ROOT.length())) {
        case "id_info/nct_id" -> trial.nctId = value;
        case "id_info/org_study_id" -> trial.orgStudyId = value;
        case "id_info/secondary_id" -> secondaryId(value);
        case "brief_title" -> trial.briefTitle = value;
        case "official_title" -> trial.officialTitle = value;
        case "acronym" -> trial.acronym = value;
        case "overall_status" -> trial.status = value;
        case "phase" -> trial.phases.add(value);
        case "study_type" -> trial.studyType = value;
        case "condition" -> trial.conditions.add(value);
        case "keyword" -> trial.keywords.add(value);
        case "brief_summary/textblock" -> trial.briefSummary = TextBlocks.clean(raw);
        case "detailed_description/textblock" -> trial.detailedDescription = TextBlocks.clean(raw);
        case "eligibility/criteria/textblock" -> trial.criteria = TextBlocks.clean(raw);
        case "eligibility/gender" -> trial.sex = value;
        case "eligibility/minimum_age" -> trial.minimumAgeYears = values.age("minimum age", value);
        case "eligibility/maximum_age" -> trial.maximumAgeYears = values.age("maximum age", value);
        case "eligibility/healthy_volunteers" -> trial.healthyVolunteers = value.isEmpty() ? null : !value.equalsIgnoreCase("No");
        case "enrollment" -> trial.enrollment = values.count("enrollment", value);
        case "sponsors/lead_sponsor/agency" -> trial.leadSponsor = value;
        case "sponsors/lead_sponsor/agency_class" -> trial.leadSponsorClass = value;
        case "sponsors/collaborator/agency" -> trial.collaborators.add(value);
        case "location_countries/country" -> trial.countries.add(value);
        case "start_date" -> trial.startDate = values.date("start date", value);
        case "verification_date" -> trial.statusVerified = values.date("status verified date", value);
        case "last_update_posted", "lastchanged_date" -> trial.lastUpdate = values.date("last update date", value);
        default -> group(path.substring(ROOT.length()), value, raw);
      }
    }

    /** Values inside repeated groups: interventions, arms, outcomes, sites, contacts. */
    private void group(String path, String value, String raw) {
      switch (path) {
        case "intervention/intervention_type" -> intervention = new Intervention(value, intervention.name(), List.of(), intervention.description());
        case "intervention/intervention_name" -> intervention = new Intervention(intervention.type(), value, List.of(), intervention.description());
        case "intervention/description" -> intervention = new Intervention(intervention.type(), intervention.name(), List.of(), TextBlocks.clean(raw));
        case "intervention/other_name" -> interventionOtherNames.add(value);
        case "intervention/arm_group_label" -> interventionArmLabels.add(value);
        case "intervention" -> {
          trial.interventions.add(new Intervention(intervention.type(), intervention.name(), interventionOtherNames, intervention.description()));
          String label = intervention.type() == null ? intervention.name() : intervention.type() + ": " + intervention.name();
          for (String arm : interventionArmLabels) interventionArms.add(new String[] {arm, label});
        }
        case "arm_group/arm_group_label" -> armGroup[0] = value;
        case "arm_group/arm_group_type" -> armGroup[1] = value;
        case "arm_group/description" -> armGroup[2] = TextBlocks.clean(raw);
        case "arm_group" -> trial.arms.add(new Arm(armGroup[0], armGroup[1], armGroup[2], List.of()));
        case "primary_outcome/measure", "secondary_outcome/measure" -> outcome[0] = value;
        case "primary_outcome/description", "secondary_outcome/description" -> outcome[1] = TextBlocks.clean(raw);
        case "primary_outcome/time_frame", "secondary_outcome/time_frame" -> outcome[2] = value;
        case "primary_outcome" -> trial.primaryOutcomes.add(new Outcome(outcome[0], outcome[1], outcome[2]));
        case "secondary_outcome" -> trial.secondaryOutcomes.add(new Outcome(outcome[0], outcome[1], outcome[2]));
        case "location/facility/name" -> site[0] = value;
        case "location/facility/address/city" -> site[1] = value;
        case "location/facility/address/state" -> site[2] = value;
        case "location/facility/address/zip" -> site[3] = value;
        case "location/facility/address/country" -> site[4] = value;
        case "location/status" -> site[5] = value;
        case "location" -> trial.sites.add(new Site(site[0], site[1], site[2], site[3], site[4], site[5], null, null, siteContacts));
        case "overall_contact/last_name", "overall_contact_backup/last_name", "location/contact/last_name",
            "location/contact_backup/last_name" -> contact[0] = value;
        case "overall_contact/phone", "overall_contact_backup/phone", "location/contact/phone", "location/contact_backup/phone" -> contact[1] = value;
        case "overall_contact/phone_ext", "overall_contact_backup/phone_ext", "location/contact/phone_ext",
            "location/contact_backup/phone_ext" -> contact[2] = value;
        case "overall_contact/email", "overall_contact_backup/email", "location/contact/email", "location/contact_backup/email" -> contact[3] = value;
        case "overall_contact", "overall_contact_backup" -> trial.centralContacts.add(new Contact(contact[0], "CONTACT", contact[1], contact[2], contact[3]));
        case "location/contact", "location/contact_backup" -> siteContacts.add(new Contact(contact[0], "CONTACT", contact[1], contact[2], contact[3]));
        case "overall_official/last_name" -> official[0] = value;
        case "overall_official/role" -> official[1] = value;
        case "overall_official/affiliation" -> official[2] = value;
        case "overall_official" -> trial.overallOfficials.add(new Official(official[0], official[1], official[2]));
        default -> { }
      }
    }

    private void secondaryId(String value) {
      if (CTIS.matcher(value).matches() && trial.ctisNumber == null) trial.ctisNumber = value;
      else if (EUDRACT.matcher(value).matches() && trial.eudractNumber == null) trial.eudractNumber = value;
      else trial.otherIds.add(value);
    }

    org.trialsearch.model.Trial build() {
      List<Arm> arms = new ArrayList<>();
      for (Arm arm : trial.arms) {
        List<String> names = interventionArms.stream().filter(a -> a[0].equals(arm.label())).map(a -> a[1]).toList();
        arms.add(new Arm(arm.label(), arm.type(), arm.description(), names));
      }
      trial.arms.clear();
      trial.arms.addAll(arms);
      CriteriaSplitter.Halves halves = CriteriaSplitter.split(trial.criteria);
      trial.inclusion = halves.inclusion();
      trial.exclusion = halves.exclusion();
      trial.source = SourceRef.of(SourceFormat.CTGOV_XML, file, 1);
      return trial.build();
    }
  }
}
