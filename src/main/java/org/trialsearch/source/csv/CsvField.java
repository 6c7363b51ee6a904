package org.trialsearch.source.csv;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trialsearch.model.Intervention;
import org.trialsearch.model.Outcome;
import org.trialsearch.source.AgeParser;

/**
 * The trial fields a CSV column can fill, by the names mapping files use, each with how it reads a
 * cell. List cells are split on {@code |}.
 */
enum CsvField {
  NCT_ID("nctId", (row, v) -> row.trial.nctId = v),
  BRIEF_TITLE("briefTitle", (row, v) -> row.trial.briefTitle = v),
  OFFICIAL_TITLE("officialTitle", (row, v) -> row.trial.officialTitle = v),
  ACRONYM("acronym", (row, v) -> row.trial.acronym = v),
  STATUS("status", (row, v) -> row.trial.status = v),
  PHASES("phases", (row, v) -> row.trial.phases.addAll(items(v))),
  STUDY_TYPE("studyType", (row, v) -> row.trial.studyType = v),
  CONDITIONS("conditions", (row, v) -> row.trial.conditions.addAll(items(v))),
  KEYWORDS("keywords", (row, v) -> row.trial.keywords.addAll(items(v))),
  /** "DRUG: Venetoclax|BIOLOGICAL: CD19 CAR-T" or plain names. */
  INTERVENTIONS("interventions", (row, v) -> items(v).forEach(item -> row.trial.interventions.add(intervention(item)))),
  BRIEF_SUMMARY("briefSummary", (row, v) -> row.trial.briefSummary = v),
  DETAILED_DESCRIPTION("detailedDescription", (row, v) -> row.trial.detailedDescription = v),
  PRIMARY_OUTCOMES("primaryOutcomes", (row, v) -> items(v).forEach(o -> row.trial.primaryOutcomes.add(new Outcome(o, null, null)))),
  SECONDARY_OUTCOMES("secondaryOutcomes", (row, v) -> items(v).forEach(o -> row.trial.secondaryOutcomes.add(new Outcome(o, null, null)))),
  SPONSOR("sponsor", (row, v) -> row.trial.leadSponsor = v),
  /** The sponsor's class; a list ("Industry|Other") gives the lead sponsor's first. */
  SPONSOR_CLASS("sponsorClass", (row, v) -> row.trial.leadSponsorClass = items(v).get(0)),
  COLLABORATORS("collaborators", (row, v) -> row.trial.collaborators.addAll(items(v))),
  /** "Lead|Collaborator|Collaborator", as the classic website exports them. */
  SPONSOR_AND_COLLABORATORS("sponsorAndCollaborators", (row, v) -> {
    List<String> all = items(v);
    row.trial.leadSponsor = all.get(0);
    row.trial.collaborators.addAll(all.subList(1, all.size()));
  }),
  ENROLLMENT("enrollment", (row, v) -> row.trial.enrollment = row.values.count("enrollment", v)),
  START_DATE("startDate", (row, v) -> row.trial.startDate = row.values.date("start date", v)),
  LAST_UPDATE("lastUpdate", (row, v) -> row.trial.lastUpdate = row.values.date("last update date", v)),
  /** The classic website's "18 Years and older   (Adult, Older Adult)" or "6 Months to 20 Years   (Child, Adult)". */
  AGE_RANGE("ageRange", CsvField::ageRange),
  MINIMUM_AGE("minimumAge", (row, v) -> ages(row).minimumAgeYears = row.values.age("minimum age", v)),
  MAXIMUM_AGE("maximumAge", (row, v) -> ages(row).maximumAgeYears = row.values.age("maximum age", v)),
  /** Age groups: "CHILD, ADULT, OLDER_ADULT" or "ADULT|OLDER_ADULT". */
  STD_AGES("stdAges", (row, v) -> Arrays.stream(v.split("[|,]")).map(CsvField::ageGroup).filter(g -> !g.isEmpty())
      .forEach(ages(row).stdAges::add)),
  SEX("sex", (row, v) -> eligibility(row).sex = v),
  OTHER_IDS("otherIds", (row, v) -> row.trial.otherIds.addAll(items(v))),
  COUNTRIES("countries", (row, v) -> row.trial.countries.addAll(items(v))),
  /** The classic website's "Facility, City, State, Country|..." list. */
  LOCATIONS("locations", (row, v) -> items(v).forEach(row::addLocation)),
  SITE_FACILITY("site.facility", (row, v) -> row.site[0] = v),
  SITE_CITY("site.city", (row, v) -> row.site[1] = v),
  SITE_STATE("site.state", (row, v) -> row.site[2] = v),
  SITE_COUNTRY("site.country", (row, v) -> row.site[3] = v),
  SITE_STATUS("site.status", (row, v) -> row.site[4] = v),
  SITE_LATITUDE("site.latitude", (row, v) -> row.site[5] = v),
  SITE_LONGITUDE("site.longitude", (row, v) -> row.site[6] = v);

  private static final Pattern TYPED = Pattern.compile("([A-Za-z_ ]{3,30}):\\s*(.+)");
  private static final Pattern AGE_RANGE_TEXT = Pattern.compile(
      "(?:(?<from>\\d+\\s+\\w+)\\s+to\\s+(?<to>\\d+\\s+\\w+)|(?<min>\\d+\\s+\\w+)\\s+and\\s+older|up\\s+to\\s+(?<max>\\d+\\s+\\w+))?\\s*(?:\\((?<groups>[^)]*)\\))?",
      Pattern.CASE_INSENSITIVE);

  final String name;
  private final BiConsumer<CsvRow, String> reader;

  CsvField(String name, BiConsumer<CsvRow, String> reader) {
    this.name = name;
    this.reader = reader;
  }

  void read(CsvRow row, String value) {
    reader.accept(row, value);
  }

  static CsvField named(String name) {
    for (CsvField field : values()) {
      if (field.name.equals(name)) return field;
    }
    return null;
  }

  static List<String> names() {
    return Arrays.stream(values()).map(f -> f.name).toList();
  }

  private static List<String> items(String cell) {
    List<String> items = Arrays.stream(cell.split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    return items.isEmpty() ? List.of(cell.strip()) : items;
  }

  private static Intervention intervention(String item) {
    Matcher typed = TYPED.matcher(item);
    if (typed.matches()) return new Intervention(typed.group(1).strip().toUpperCase(Locale.ROOT).replace(' ', '_'), typed.group(2).strip(), List.of(), null);
    return new Intervention(null, item, List.of(), null);
  }

  private static void ageRange(CsvRow row, String value) {
    Matcher m = AGE_RANGE_TEXT.matcher(value.strip());
    if (!m.matches()) return;
    var e = ages(row);
    if (m.group("from") != null) {
      e.minimumAgeYears = AgeParser.years(m.group("from"));
      e.maximumAgeYears = AgeParser.years(m.group("to"));
    } else if (m.group("min") != null) {
      e.minimumAgeYears = AgeParser.years(m.group("min"));
    } else if (m.group("max") != null) {
      e.maximumAgeYears = AgeParser.years(m.group("max"));
    }
    if (m.group("groups") != null) {
      Arrays.stream(m.group("groups").split(",")).map(CsvField::ageGroup).filter(g -> !g.isEmpty()).forEach(e.stdAges::add);
    }
  }

  /** "Older Adult" and "OLDER_ADULT" alike. */
  private static String ageGroup(String text) {
    return text.strip().toUpperCase(Locale.ROOT).replace(' ', '_');
  }

  private static org.trialsearch.model.TrialBuilder eligibility(CsvRow row) {
    row.trial.eligibilityStated = true;
    return row.trial;
  }

  /** A column that states ages: a limit it leaves empty then means none. */
  private static org.trialsearch.model.TrialBuilder ages(CsvRow row) {
    row.trial.agesStated = true;
    return eligibility(row);
  }
}
