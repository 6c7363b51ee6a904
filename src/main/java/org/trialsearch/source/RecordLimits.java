package org.trialsearch.source;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.trialsearch.model.Arm;
import org.trialsearch.model.Contact;
import org.trialsearch.model.Eligibility;
import org.trialsearch.model.Intervention;
import org.trialsearch.model.Official;
import org.trialsearch.model.Outcome;
import org.trialsearch.model.Site;
import org.trialsearch.model.Sponsor;
import org.trialsearch.model.Trial;
import org.trialsearch.model.TrialIds;

/**
 * Length limits on every value a record states, applied as it is read, so that no value can keep
 * the index from taking its trial (a facet or autocomplete value, or an id, becomes one term of at
 * most 32,766 bytes). Real registry values stay far below them: titles under 600 characters,
 * criteria under 20,000. A longer value is cut, a longer list kept in part, an over-long id left
 * out, each with a line for the ingest report; a record whose trial id is not one is refused.
 */
public final class RecordLimits {

  /** Codes and places: statuses, phases, types, countries, cities, contacts. */
  static final int SHORT = 200;
  /** Names: titles, conditions, interventions, sponsors, facilities. */
  static final int NAME = 1_000;
  /** Free text: summaries, descriptions, criteria, outcome measures (a website export joins measure and description). */
  static final int TEXT = 100_000;
  /** Items of one list: conditions, interventions, sites, ... */
  static final int ITEMS = 5_000;

  private static final Pattern TRIAL_ID = Pattern.compile("NCT\\d{8}|PAGE-[0-9A-F]{12}");

  /** The record within the limits, and what was cut to get there. */
  public record Limited(Trial trial, List<String> cuts) {}

  /** What was cut, once for each kind of value (a list of ten thousand over-long conditions is one line). */
  private final Map<String, String> cuts = new LinkedHashMap<>();

  private RecordLimits() {}

  /** The record within the limits; a record whose trial id is not an NCT id (nor a page's own) is refused. */
  public static Limited apply(Trial trial) {
    if (trial.nctId() == null || !TRIAL_ID.matcher(trial.nctId()).matches()) {
      throw new InvalidRecordException("not a trial id: '" + shown(trial.nctId()) + "' (expected NCT and 8 digits)");
    }
    RecordLimits limits = new RecordLimits();
    return new Limited(limits.limited(trial), List.copyOf(limits.cuts.values()));
  }

  private Trial limited(Trial t) {
    return new Trial(t.nctId(), ids(t.ids()), cut("brief title", t.briefTitle(), NAME), cut("official title", t.officialTitle(), NAME),
        cut("acronym", t.acronym(), SHORT), cut("status", t.status(), SHORT), cutAll("phases", t.phases(), SHORT),
        cut("study type", t.studyType(), SHORT), cutAll("conditions", t.conditions(), NAME), cutAll("keywords", t.keywords(), NAME),
        items("interventions", t.interventions()).stream().map(this::intervention).toList(),
        items("arms", t.arms()).stream().map(this::arm).toList(),
        items("primary outcomes", t.primaryOutcomes()).stream().map(this::outcome).toList(),
        items("secondary outcomes", t.secondaryOutcomes()).stream().map(this::outcome).toList(),
        cut("brief summary", t.briefSummary(), TEXT), cut("detailed description", t.detailedDescription(), TEXT),
        eligibility(t.eligibility()), t.enrollment(), sponsor(t.sponsor()), cutAll("countries", t.countries(), SHORT),
        items("sites", t.sites()).stream().map(this::site).toList(),
        items("contacts", t.centralContacts()).stream().map(this::contact).toList(),
        items("officials", t.overallOfficials()).stream().map(this::official).toList(),
        t.startDate(), t.statusVerified(), t.lastUpdate(), t.versionHolder(), t.sources());
  }

  /** An id cut short would be another id: one over the limit is left out. */
  private TrialIds ids(TrialIds ids) {
    List<String> others = new ArrayList<>();
    for (String id : items("other ids", ids.otherIds())) if (fits("other id", id)) others.add(id);
    return new TrialIds(fits("org study id", ids.orgStudyId()) ? ids.orgStudyId() : null,
        fits("EudraCT number", ids.eudractNumber()) ? ids.eudractNumber() : null,
        fits("CTIS number", ids.ctisNumber()) ? ids.ctisNumber() : null, others);
  }

  private boolean fits(String what, String id) {
    if (id == null || id.length() <= SHORT) return true;
    cuts.putIfAbsent(what, what + " of " + id.length() + " characters left out (an id has at most " + SHORT + ")");
    return false;
  }

  private Intervention intervention(Intervention i) {
    return new Intervention(cut("intervention type", i.type(), SHORT), cut("intervention name", i.name(), NAME),
        cutAll("intervention other names", i.otherNames(), NAME), cut("intervention description", i.description(), TEXT));
  }

  private Arm arm(Arm a) {
    return new Arm(cut("arm label", a.label(), NAME), cut("arm type", a.type(), SHORT), cut("arm description", a.description(), TEXT),
        cutAll("arm interventions", a.interventionNames(), NAME));
  }

  private Outcome outcome(Outcome o) {
    return new Outcome(cut("outcome measure", o.measure(), TEXT), cut("outcome description", o.description(), TEXT),
        cut("outcome time frame", o.timeFrame(), NAME));
  }

  private Eligibility eligibility(Eligibility e) {
    if (e == null) return null;
    return new Eligibility(cut("criteria", e.criteria(), TEXT), cut("inclusion criteria", e.inclusion(), TEXT),
        cut("exclusion criteria", e.exclusion(), TEXT), e.minimumAgeYears(), e.maximumAgeYears(), cut("sex", e.sex(), SHORT),
        e.healthyVolunteers(), cutAll("age groups", e.stdAges(), SHORT), e.agesStated());
  }

  private Sponsor sponsor(Sponsor s) {
    if (s == null) return null;
    return new Sponsor(cut("sponsor", s.lead(), NAME), cut("sponsor class", s.leadClass(), SHORT), cutAll("collaborators", s.collaborators(), NAME));
  }

  private Site site(Site s) {
    return new Site(cut("site facility", s.facility(), NAME), cut("site city", s.city(), SHORT), cut("site state", s.state(), SHORT),
        cut("site postal code", s.zip(), SHORT), cut("site country", s.country(), SHORT), cut("site status", s.status(), SHORT),
        s.latitude(), s.longitude(), items("site contacts", s.contacts()).stream().map(this::contact).toList());
  }

  private Contact contact(Contact c) {
    return new Contact(cut("contact name", c.name(), NAME), cut("contact role", c.role(), SHORT), cut("contact phone", c.phone(), SHORT),
        cut("contact phone extension", c.phoneExt(), SHORT), cut("contact email", c.email(), SHORT));
  }

  private Official official(Official o) {
    return new Official(cut("official name", o.name(), NAME), cut("official role", o.role(), SHORT), cut("official affiliation", o.affiliation(), NAME));
  }

  private String cut(String what, String value, int limit) {
    if (value == null || value.length() <= limit) return value;
    cuts.putIfAbsent(what, what + " cut to " + limit + " characters (it had " + value.length() + ")");
    int end = Character.isHighSurrogate(value.charAt(limit - 1)) ? limit - 1 : limit;
    return value.substring(0, end);
  }

  private List<String> cutAll(String what, List<String> values, int limit) {
    return items(what, values).stream().map(value -> cut(what, value, limit)).toList();
  }

  private <T> List<T> items(String what, List<T> values) {
    if (values.size() <= ITEMS) return values;
    cuts.putIfAbsent(what + " items", what + ": the first " + ITEMS + " of " + values.size() + " kept");
    return values.subList(0, ITEMS);
  }

  private static String shown(String id) {
    if (id == null) return "";
    return id.length() > 40 ? id.substring(0, 40) + "… (" + id.length() + " characters)" : id;
  }
}
