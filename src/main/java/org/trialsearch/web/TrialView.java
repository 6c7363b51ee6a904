package org.trialsearch.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.trialsearch.enrich.EnrichedTrial;
import org.trialsearch.enrich.TrialFacets;
import org.trialsearch.model.Contact;
import org.trialsearch.model.Eligibility;
import org.trialsearch.model.Official;
import org.trialsearch.model.Site;
import org.trialsearch.model.SourceFormat;
import org.trialsearch.model.SourceRef;
import org.trialsearch.model.Trial;
import org.trialsearch.model.TrialIds;

/**
 * What the trial page shows of one trial, worked out from its record: the facts in the order a
 * reader looks for them, the words in place of the registry's codes, and the description, preview
 * tags and structured data that link previews and search engines read.
 */
public final class TrialView {

  /** Up to this many sites are all shown; more fold by country. */
  private static final int OPEN_SITES = 20;
  private static final int DESCRIPTION_CHARS = 200;
  private static final Map<SourceFormat, String> FORMATS = Map.of(
      SourceFormat.CTGOV_V2_JSON, "ClinicalTrials.gov API v2 JSON", SourceFormat.CTGOV_XML, "ClinicalTrials.gov XML",
      SourceFormat.CTGOV_CSV, "ClinicalTrials.gov CSV export", SourceFormat.TRACKER_CSV, "Trial tracker CSV",
      SourceFormat.WEB_PAGE, "Copied web page");
  private static final Map<SourceRef.LinkedBy, String> LINKED_BY = Map.of(
      SourceRef.LinkedBy.NCT_ID, "NCT id", SourceRef.LinkedBy.TITLE, "title", SourceRef.LinkedBy.CONTENT, "page content");
  /** schema.org's MedicalStudyStatus for the registry's statuses it has. */
  private static final Map<String, String> SCHEMA_STATUSES = Map.of("ACTIVE_NOT_RECRUITING", "ActiveNotRecruiting",
      "COMPLETED", "Completed", "ENROLLING_BY_INVITATION", "EnrollingByInvitation", "NOT_YET_RECRUITING", "NotYetRecruiting",
      "RECRUITING", "Recruiting", "SUSPENDED", "Suspended", "TERMINATED", "Terminated", "WITHDRAWN", "Withdrawn");

  /** A fact of the key facts list. */
  public record Fact(String name, String value) {}

  /** The sites of one country, and those that say more than their country. */
  public record SiteGroup(String country, int count, List<SiteEntry> described) {}

  /** A site as its line reads ("Facility, City, State 08208 · Recruiting"), and whom to contact there. */
  public record SiteEntry(String place, List<Contact> contacts) {}

  /** One source as its row shows it. */
  public record SourceRow(String format, String file, String position, String linkedBy, String lastUpdate, List<String> fields,
      String wording) {}

  private final Trial trial;
  private final TrialFacets facets;
  private final Map<String, Integer> fieldSources;
  private final String pageUrl;

  /** @param pageUrl the page's own address, absolute, for link previews */
  public TrialView(EnrichedTrial record, String pageUrl) {
    this.trial = record.trial();
    this.facets = record.facets();
    this.fieldSources = record.fieldSources();
    this.pageUrl = pageUrl;
  }

  public Trial trial() {
    return trial;
  }

  public TrialFacets facets() {
    return facets;
  }

  public String pageUrl() {
    return pageUrl;
  }

  public String title() {
    return trial.displayTitle();
  }

  /** The official title when it says more than the brief one. */
  public String officialTitle() {
    return trial.officialTitle() != null && !trial.officialTitle().equals(trial.briefTitle()) ? trial.officialTitle() : null;
  }

  /** The trial's page on ClinicalTrials.gov; null for a trial known without an NCT id. */
  public String registryUrl() {
    return registryUrl(trial.nctId());
  }

  public static String registryUrl(String id) {
    return id != null && id.matches("NCT\\d{8}") ? "https://clinicaltrials.gov/study/" + id : null;
  }

  /** "Recruiting, as of March 2025", or "Unknown status (last known: ...)"; null when no source states a status. */
  public String statusText() {
    return Labels.statusText(facets.status(), facets.statusStated(), facets.statusAsOf());
  }

  /** The kind of source the status was read from: "ClinicalTrials.gov CSV export". */
  public String statusSource() {
    return FORMATS.entrySet().stream().filter(f -> f.getKey().name().equals(facets.statusSource())).map(Map.Entry::getValue)
        .findFirst().orElse(null);
  }

  public List<String> phases() {
    return facets.phases().stream().map(Labels::phase).toList();
  }

  public List<Fact> keyFacts() {
    Eligibility e = trial.eligibility();
    TrialIds ids = trial.ids();
    List<Fact> facts = new ArrayList<>();
    add(facts, "Status", statusText() == null ? null : statusText() + (statusSource() == null ? "" : " · source: " + statusSource()));
    add(facts, "Study type", facets.studyType() == null ? null : Labels.sentence(facets.studyType()));
    add(facts, "Cell therapy", String.join(", ", facets.modalities()));
    add(facts, "Ages", !facets.agesStated() ? "not stated"
        : Objects.requireNonNullElse(Labels.ageRange(facets.minAgeYears(), facets.maxAgeYears()), "all ages"));
    add(facts, "Age groups", facets.ageGroups().stream().map(Labels::ageGroup).collect(Collectors.joining(", ")));
    add(facts, "Sex", facets.sex() == null ? null : Labels.sex(facets.sex()));
    add(facts, "Healthy volunteers", e == null || e.healthyVolunteers() == null ? null : e.healthyVolunteers() ? "Accepted" : "Not accepted");
    add(facts, "Enrollment", trial.enrollment() == null ? null : NumberFormat.getIntegerInstance(Locale.ENGLISH).format(trial.enrollment()));
    add(facts, "Start date", trial.startDate() == null ? null : trial.startDate().toString());
    add(facts, "Last update", trial.lastUpdate() == null ? null : trial.lastUpdate().toString());
    if (trial.sponsor() != null) {
      add(facts, "Sponsor", trial.sponsor().lead() == null ? null
          : trial.sponsor().lead() + (facets.sponsorType() == null ? "" : " (" + facets.sponsorType() + ")"));
      add(facts, "Collaborators", String.join("; ", trial.sponsor().collaborators()));
    }
    add(facts, "Countries", String.join(", ", facets.countries()));
    if (ids != null) {
      add(facts, "Other ids", Stream.concat(Stream.of(ids.orgStudyId(), ids.eudractNumber() == null ? null : "EudraCT " + ids.eudractNumber(),
          ids.ctisNumber() == null ? null : "CTIS " + ids.ctisNumber()), ids.otherIds().stream())
          .filter(Objects::nonNull).collect(Collectors.joining(", ")));
    }
    return facts;
  }

  private static void add(List<Fact> facts, String name, String value) {
    if (value != null && !value.isBlank()) facts.add(new Fact(name, value));
  }

  /** Sites grouped by country, most sites first. */
  public List<SiteGroup> siteGroups() {
    Map<String, List<Site>> byCountry = new LinkedHashMap<>();
    for (Site site : trial.sites()) byCountry.computeIfAbsent(site.country() == null ? "Country not stated" : site.country(), c -> new ArrayList<>()).add(site);
    return byCountry.entrySet().stream()
        .sorted(Comparator.comparing((Map.Entry<String, List<Site>> e) -> -e.getValue().size()).thenComparing(Map.Entry::getKey))
        .map(e -> new SiteGroup(e.getKey(), e.getValue().size(), e.getValue().stream().map(TrialView::siteEntry).filter(Objects::nonNull).toList()))
        .toList();
  }

  /** Whether any site names a contact of its own. */
  public boolean siteContacts() {
    return trial.sites().stream().anyMatch(site -> !site.contacts().isEmpty());
  }

  /** Whether the site lists start open: they do when there are few sites. */
  public boolean sitesOpen() {
    return trial.sites().size() <= OPEN_SITES;
  }

  /** "Facility, City, State 08208 · Recruiting" and the site's contacts; null when the site states nothing but its country. */
  private static SiteEntry siteEntry(Site site) {
    String region = Stream.of(site.state(), site.zip()).filter(Objects::nonNull).collect(Collectors.joining(" "));
    String place = Stream.of(site.facility(), site.city(), region.isEmpty() ? null : region).filter(Objects::nonNull)
        .collect(Collectors.joining(", "));
    if (place.isEmpty() && site.status() == null && site.contacts().isEmpty()) return null;
    return new SiteEntry((place.isEmpty() ? "Place not stated" : place) + (site.status() == null ? "" : " · " + Labels.status(site.status())),
        site.contacts());
  }

  /** A phone number as a tel: link, its extension dialled after it. */
  public static String telUrl(Contact contact) {
    String number = contact.phone().replaceAll("[^+\\d]", "");
    String ext = contact.phoneExt() == null ? "" : contact.phoneExt().replaceAll("\\D", "");
    return "tel:" + number + (ext.isEmpty() ? "" : ";ext=" + ext);
  }

  /** "+1 555 0100 ext. 12". */
  public static String phoneText(Contact contact) {
    return contact.phone() + (contact.phoneExt() == null ? "" : " ext. " + contact.phoneExt());
  }

  /** "Principal investigator: Dr A. Name, Some Hospital". */
  public static String officialText(Official official) {
    String who = Stream.of(official.name(), official.affiliation()).filter(Objects::nonNull).collect(Collectors.joining(", "));
    return official.role() == null ? who : Labels.sentence(official.role()) + ": " + who;
  }

  public List<SourceRow> sources() {
    List<List<String>> given = new ArrayList<>();
    trial.sources().forEach(s -> given.add(new ArrayList<>()));
    fieldSources.forEach((field, index) -> {
      if (index >= 0 && index < given.size()) given.get(index).add(field);
    });
    List<SourceRow> rows = new ArrayList<>();
    for (int i = 0; i < trial.sources().size(); i++) {
      SourceRef s = trial.sources().get(i);
      rows.add(new SourceRow(FORMATS.getOrDefault(s.format(), String.valueOf(s.format())) + (s.sitesOnly() ? " (sites only)" : ""),
          s.file(), "#" + s.position(), LINKED_BY.getOrDefault(s.linkedBy(), ""), s.lastUpdate() == null ? "" : s.lastUpdate().toString(),
          given.get(i), s.wording() == null ? null
              : s.wording().entrySet().stream().map(w -> w.getKey() + ": " + w.getValue()).collect(Collectors.joining("; "))));
    }
    return rows;
  }

  /** Whether any source used its own words where the trial shows the registry's. */
  public boolean anyWording() {
    return trial.sources().stream().anyMatch(s -> s.wording() != null);
  }

  /** "3 records: 1 ClinicalTrials.gov API v2 JSON, 2 Trial tracker CSV". */
  public String sourcesSummary() {
    Map<String, Long> byFormat = trial.sources().stream()
        .collect(Collectors.groupingBy(s -> FORMATS.getOrDefault(s.format(), String.valueOf(s.format())), LinkedHashMap::new, Collectors.counting()));
    int n = trial.sources().size();
    return n + (n == 1 ? " record: " : " records: ")
        + byFormat.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
  }

  /** What a link preview or a search result shows under the title: the summary's start. */
  public String description() {
    String summary = RegistryMarkdown.plain(trial.briefSummary(), DESCRIPTION_CHARS);
    if (!summary.isEmpty()) return summary;
    return Stream.of(phases().isEmpty() ? null : String.join(", ", phases()), facets.status() == null ? null : Labels.status(facets.status()),
        trial.conditions().isEmpty() ? null : String.join(", ", trial.conditions())).filter(Objects::nonNull).collect(Collectors.joining(" · "));
  }

  /** schema.org MedicalTrial, safe inside a script element ("<" written as an escape). */
  public String jsonLd() {
    JsonNodeFactory json = JsonNodeFactory.instance;
    ObjectNode trialLd = json.objectNode().put("@context", "https://schema.org").put("@type", "MedicalTrial")
        .put("name", title()).put("identifier", trial.nctId()).put("url", pageUrl);
    if (officialTitle() != null) trialLd.put("alternateName", officialTitle());
    String description = description();
    if (!description.isEmpty()) trialLd.put("description", description);
    if (!facets.phases().isEmpty()) trialLd.put("phase", String.join(", ", phases()));
    String status = facets.status() == null ? null : SCHEMA_STATUSES.get(facets.status());
    if (status != null) trialLd.put("status", "https://schema.org/" + status);
    if (!trial.conditions().isEmpty()) {
      ArrayNode conditions = trialLd.putArray("healthCondition");
      trial.conditions().forEach(c -> conditions.addObject().put("@type", "MedicalCondition").put("name", c));
    }
    if (trial.sponsor() != null && trial.sponsor().lead() != null) {
      trialLd.putObject("sponsor").put("@type", "Organization").put("name", trial.sponsor().lead());
    }
    return trialLd.toString().replace("<", "\\u003c");
  }
}
