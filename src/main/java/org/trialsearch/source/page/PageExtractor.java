package org.trialsearch.source.page;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trialsearch.model.Intervention;
import org.trialsearch.model.SourceFormat;
import org.trialsearch.model.SourceRef;
import org.trialsearch.model.Trial;
import org.trialsearch.model.TrialBuilder;
import org.trialsearch.source.AgeParser;
import org.trialsearch.source.CriteriaSplitter;
import org.trialsearch.source.StatedValues;
import org.trialsearch.vocabulary.CanonicalNames;

/**
 * Reads a trial from a page copied from a web site: labelled values first ({@link PageValues}),
 * then what the layout alone shows (a phase in the title, a "TYPE: name|TYPE: name" line of
 * interventions, the criteria between their headings, a location table's country rows). Nothing
 * the page does not state is invented.
 */
final class PageExtractor {

  private static final Pattern NCT = Pattern.compile("NCT\\d{8}");
  private static final Pattern EUDRACT = Pattern.compile("(?<![\\d-])\\d{4}-\\d{6}-\\d{2}(?![\\d-])");
  private static final Pattern CTIS = Pattern.compile("(?<![\\d-])\\d{4}-\\d{6}-\\d{2}-\\d{2}(?![\\d-])");
  private static final Pattern TITLE_PHASE = Pattern.compile(
      "(?i)\\bphase\\s+(IV|I{1,3}|[0-4])(?:\\s*[/-]\\s*(?:phase\\s+)?(IV|I{1,3}|[0-4]))?\\b");
  /** Where a second phase starts in a cell that names two: "Phase 1 Phase 2", "Early Phase 1 Phase 2". */
  private static final Pattern PHASE_BOUNDARY = Pattern.compile("(?i)(?<!early)\\s+(?=(?:early\\s+)?phase\\s)");
  private static final Set<String> INTERVENTION_TYPES = Set.of("DRUG", "BIOLOGICAL", "DEVICE", "PROCEDURE", "RADIATION",
      "BEHAVIORAL", "GENETIC", "DIETARY_SUPPLEMENT", "COMBINATION_PRODUCT", "DIAGNOSTIC_TEST", "OTHER");
  private static final Pattern TYPED = Pattern.compile("([A-Za-z][A-Za-z _]+):\\s*(.+)");
  private static final String TYPE_WORDS = "Drug|Biological|Device|Procedure|Radiation|Behavioral|Genetic|Dietary (?i:supplement)"
      + "|Combination (?i:product)|Diagnostic (?i:test)|Other";
  /** Where the next typed intervention starts in a cell that holds several: "Biological: A Drug: B". */
  private static final Pattern NEXT_TYPED = Pattern.compile("(?i)(?<=\\S)\\s+(?=(?:" + TYPE_WORDS
      + "|dietary_supplement|combination_product|diagnostic_test):\\s)");
  /** The line that closes an intervention's block: "Intervention Type DRUG". */
  private static final Pattern TYPE_LINE = Pattern.compile("(?i)Intervention Type:?\\s+([A-Za-z_ ]+)");
  /** An intervention on a line that starts with its type, without a colon: "Biological CAR T-cell therapy". */
  private static final Pattern TYPE_WORD_LINE = Pattern.compile("(" + TYPE_WORDS + ") (\\S.*)");
  /** The same with a colon, in a paragraph of its own: "Biological: CAR T-cell therapy". */
  private static final Pattern TYPE_COLON_LINE = Pattern.compile("(" + TYPE_WORDS + "):\\s*(\\S.*)");
  private static final Pattern AGE_RANGE = Pattern.compile(
      "(?i)(\\d+(?:\\.\\d+)?)\\s*(years?|months?|weeks?|days?|hours?)?\\s*(?:to|-|–)\\s*(\\d+(?:\\.\\d+)?)\\s*(years?|months?|weeks?|days?|hours?)?");
  /** An open age: "18 Years and older", "18 or over", "≥ 18", "18+ years". */
  private static final Pattern AGE_AND_OLDER = Pattern.compile(
      "(?i)(?:(\\d+(?:\\.\\d+)?)\\s*(years?|months?)?\\s*(?:and|or)\\s*(?:older|over|above))|(?:[≥>]=?\\s*(\\d+))"
          + "|(?:(\\d+(?:\\.\\d+)?)\\s*\\+\\s*(years?|months?|weeks?|days?|hours?)?)");
  /** An age limit only: "up to 17 Years", "under 18". */
  private static final Pattern AGE_UP_TO = Pattern.compile("(?i)(?:up to|under|below|<=?|≤)\\s*(\\d+(?:\\.\\d+)?)\\s*(years?|months?|weeks?|days?|hours?)?");
  private static final Pattern ALL_AGES = Pattern.compile("(?i)\\s*(?:all ages|any age)\\s*");
  private static final Pattern AGE_GROUPS = Pattern.compile("\\(([A-Za-z ,]+)\\)");
  /** Age groups alone, as a page shows a trial without age limits: "Child, Adult, Older Adult". */
  private static final Pattern BARE_AGE_GROUPS = Pattern.compile("(?i)\\s*((?:child|adult|older adult)(?:\\s*,\\s*(?:child|adult|older adult))*)\\s*");
  private static final Pattern INTEGER = Pattern.compile("\\d[\\d,]*");
  /** An unlabelled summary starts with a paragraph of at least this many words; the paragraphs that go on it have at least {@link #MIN_PROSE_WORDS}. */
  private static final int MIN_SUMMARY_WORDS = 12;
  private static final int MIN_PROSE_WORDS = 8;
  private static final Pattern ACRONYM = Pattern.compile("\\(([A-Z][A-Z0-9-]{2,15})\\)\\s*$");

  private final PageLabels labels;
  private final Function<String, String> countryOf;
  private final CanonicalNames statuses;
  private final CanonicalNames phases;

  /**
   * @param countryOf the country a text names, or null when it names none
   * @param statuses and {@code phases}: the registry's values, to tell a status line from a phase line
   */
  PageExtractor(PageLabels labels, Function<String, String> countryOf, CanonicalNames statuses, CanonicalNames phases) {
    this.labels = labels;
    this.countryOf = countryOf;
    this.statuses = statuses;
    this.phases = phases;
  }

  /** The trial the page states, or null when the page holds no trial; its dates and ages that cannot be read are noted in {@code stated}. */
  Trial extract(PageText page, String file, StatedValues stated) {
    PageValues values = new PageValues(labels, page.lines);
    TrialBuilder trial = new TrialBuilder();
    identify(trial, page, values);
    titles(trial, page, values);
    statusAndPhases(trial, values);
    interventionsAndConditions(trial, page, values);
    eligibility(trial, page, values, stated);
    rest(trial, page, values, stated);
    if (!isTrial(trial)) return null;
    SourceRef.LinkedBy linked = trial.nctId != null ? SourceRef.LinkedBy.NCT_ID : SourceRef.LinkedBy.CONTENT;
    if (trial.nctId == null) trial.nctId = contentId(page.text);
    trial.source = new SourceRef(SourceFormat.WEB_PAGE, file, 1, linked, false, null);
    return trial.build();
  }

  /** A page's own id when it states no NCT id: the same page always gets the same id. */
  static String contentId(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.strip().replaceAll("\\s+", " ").getBytes(StandardCharsets.UTF_8));
      return "PAGE-" + HexFormat.of().withUpperCase().formatHex(digest, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void identify(TrialBuilder trial, PageText page, PageValues values) {
    for (String value : values.get(PageField.NCT_ID)) {
      Matcher m = NCT.matcher(value);
      if (m.find() && trial.nctId == null) trial.nctId = m.group();
      else if (!m.find(0) && trial.orgStudyId == null && !value.contains(" ")) trial.orgStudyId = value;
    }
    if (trial.nctId == null) trial.nctId = mostFrequent(NCT.matcher(page.text));
    Matcher ctis = CTIS.matcher(page.text);
    if (ctis.find()) trial.ctisNumber = ctis.group();
    Matcher eudract = EUDRACT.matcher(page.text);
    if (eudract.find()) trial.eudractNumber = eudract.group();
  }

  private static String mostFrequent(Matcher m) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    while (m.find()) counts.merge(m.group(), 1, Integer::sum);
    return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
  }

  private void titles(TrialBuilder trial, PageText page, PageValues values) {
    trial.briefTitle = values.first(PageField.BRIEF_TITLE);
    trial.officialTitle = values.first(PageField.OFFICIAL_TITLE);
    trial.acronym = values.first(PageField.ACRONYM);
    Integer titleLine = values.labelLine.get(PageField.BRIEF_TITLE);
    if (trial.briefTitle != null && trial.officialTitle == null && titleLine != null) {
      // a title label over two lines: the brief title, then the official one
      int next = nextNonBlank(page.lines, titleLine + 1) + 1;
      if (next < page.lines.size() && !page.lines.get(next).isBlank() && PageText.words(page.lines.get(next)) >= 6) {
        trial.officialTitle = PageText.clean(page.lines.get(next));
      }
    }
    if (trial.briefTitle == null) {
      trial.briefTitle = page.lines.stream().map(PageText::clean)
          .filter(l -> PageText.words(l) >= 3 && !values.isLabel(l) && !labels.isHint(l)).findFirst().orElse(null);
    }
    if (trial.acronym == null && trial.briefTitle != null) {
      Matcher m = ACRONYM.matcher(trial.briefTitle);
      if (m.find()) trial.acronym = m.group(1);
    }
  }

  private void statusAndPhases(TrialBuilder trial, PageValues values) {
    trial.status = values.first(PageField.STATUS);
    values.get(PageField.PHASES).forEach(v -> trial.phases.addAll(phasesIn(v)));
    for (String line : values.get(PageField.STATUS_AND_PHASE)) {
      // one list holds both: "Enrolling", "Phase 2", "Phase 1"; "N/A" is a phase, not a status
      if (!phases.lookup(line).isEmpty() || line.toLowerCase(Locale.ROOT).contains("phase")) trial.phases.addAll(phasesIn(line));
      else if (trial.status == null) trial.status = line;
    }
    if (trial.phases.isEmpty() && trial.briefTitle != null) {
      Matcher m = TITLE_PHASE.matcher(trial.briefTitle);
      if (m.find() && !phases.lookup(m.group()).isEmpty()) {
        trial.phases.add(m.group()); // as the title words it: "Phase 1/2"
      } else if (m.find(0)) {
        trial.phases.add("Phase " + m.group(1));
        if (m.group(2) != null) trial.phases.add("Phase " + m.group(2));
      }
    }
  }

  /** The phases of a value that may name several in a row, as a table cell does: "Phase 1 Phase 2". */
  private static List<String> phasesIn(String value) {
    return Arrays.stream(PHASE_BOUNDARY.split(value.strip())).filter(p -> !p.isBlank()).toList();
  }

  private void interventionsAndConditions(TrialBuilder trial, PageText page, PageValues values) {
    values.get(PageField.CONDITIONS).forEach(v -> Arrays.stream(v.split("\\|")).map(String::strip)
        .filter(c -> !c.isEmpty()).forEach(trial.conditions::add));
    List<Intervention> blocks = typedBlocks(page.lines, values);
    if (!blocks.isEmpty()) blocks.forEach(i -> add(trial, i));
    else values.get(PageField.INTERVENTIONS).forEach(v -> addInterventions(trial, v));
    if (trial.interventions.isEmpty()) typedListLine(trial, page);
    if (trial.interventions.isEmpty()) typeWordLines(trial, page);
  }

  /**
   * Interventions as blocks under their heading, each closed by its type: a name, perhaps a
   * description, then "Intervention Type DRUG".
   */
  private List<Intervention> typedBlocks(List<String> lines, PageValues values) {
    Integer heading = values.labelLine.get(PageField.INTERVENTIONS);
    if (heading == null) return List.of();
    List<Intervention> found = new ArrayList<>();
    List<String> block = new ArrayList<>();
    for (int i = heading + 1; i < lines.size(); i++) {
      String line = PageText.clean(lines.get(i));
      if (line.isEmpty() || labels.isHint(line)) continue;
      Matcher type = TYPE_LINE.matcher(line);
      if (type.matches()) {
        if (!block.isEmpty()) found.add(new Intervention(interventionType(type.group(1)), block.get(0), List.of(), description(block)));
        block.clear();
      } else if (values.isLabel(line) || labels.isStop(line) || CriteriaSplitter.headingOf(line) != null) {
        break;
      } else {
        block.add(line);
      }
    }
    return found;
  }

  private static String description(List<String> block) {
    return block.size() < 2 ? null : String.join(" ", block.subList(1, block.size()));
  }

  /** A website CSV row laid out as lines: "BIOLOGICAL: UCART22|BIOLOGICAL: CLLS52", the conditions on the line before. */
  private static void typedListLine(TrialBuilder trial, PageText page) {
    for (int i = 0; i < page.lines.size(); i++) {
      String line = page.lines.get(i).strip();
      // a row's lines follow each other; a typed line in a paragraph of its own is a card's (below)
      if (!isTypedList(line) || (!line.contains("|") && (i == 0 || page.lines.get(i - 1).isBlank()))) continue;
      addInterventions(trial, line);
      int previous = previousNonBlank(page.lines, i - 1);
      String conditions = previous < 0 ? "" : page.lines.get(previous).strip();
      // conditions are a list ("A|B|C", however long) or a short line that is not a sentence
      boolean listed = conditions.contains("|") || (conditions.length() < 150 && !conditions.endsWith("."));
      if (trial.conditions.isEmpty() && previous > 0 && listed) {
        Arrays.stream(conditions.split("\\|")).map(String::strip).filter(c -> !c.isEmpty()).forEach(trial.conditions::add);
      }
      return;
    }
  }

  /**
   * Interventions on lines of their own that start with their type, each a paragraph of its own,
   * perhaps with a description under it: "Biological CAR T-cell therapy", "Drug: Fludarabine".
   * Read before the criteria only, where a criterion may also start with "Other".
   */
  private void typeWordLines(TrialBuilder trial, PageText page) {
    List<String> lines = page.lines;
    for (int i = 1; i < lines.size(); i++) {
      String line = PageText.clean(lines.get(i));
      if (CriteriaSplitter.headingOf(line) != null) return;
      Matcher m = TYPE_WORD_LINE.matcher(line);
      if (!m.matches()) m = TYPE_COLON_LINE.matcher(line);
      if (!m.matches() || !lines.get(i - 1).isBlank() || PageText.words(line) > 15 || line.endsWith(".")
          || line.equals(trial.briefTitle) || line.equals(trial.officialTitle)) continue;
      int next = nextNonBlank(lines, i + 1);
      String below = next < lines.size() ? PageText.clean(lines.get(next)) : "";
      boolean described = next == i + 2 && PageText.words(below) >= 3 && !TYPE_WORD_LINE.matcher(below).matches()
          && !TYPE_COLON_LINE.matcher(below).matches()
          && CriteriaSplitter.headingOf(below) == null;
      add(trial, new Intervention(interventionType(m.group(1)), m.group(2).strip(), List.of(), described ? below : null));
    }
  }

  private static boolean isTypedList(String line) {
    for (String item : line.split("\\|")) {
      Matcher m = TYPED.matcher(item.strip());
      if (!m.matches() || interventionType(m.group(1)) == null) return false;
    }
    return true;
  }

  /** The registry's intervention type a label names ("Biological" -> BIOLOGICAL), or null. */
  private static String interventionType(String label) {
    String type = label.strip().toUpperCase(Locale.ROOT).replace(' ', '_');
    return INTERVENTION_TYPES.contains(type) ? type : null;
  }

  /** Interventions of a value: "Drug: A|Drug: B", or several in a table cell, "Biological: A Drug: B". */
  private static void addInterventions(TrialBuilder trial, String value) {
    for (String listed : value.split("\\|")) {
      for (String item : NEXT_TYPED.split(listed)) {
        String text = item.strip();
        if (text.isEmpty()) continue;
        Matcher m = TYPED.matcher(text);
        if (m.matches() && interventionType(m.group(1)) != null) {
          add(trial, new Intervention(interventionType(m.group(1)), m.group(2).strip(), List.of(), null));
        } else {
          add(trial, new Intervention(null, text, List.of(), null));
        }
      }
    }
  }

  private static void add(TrialBuilder trial, Intervention intervention) {
    if (trial.interventions.stream().noneMatch(i -> i.name().equalsIgnoreCase(intervention.name()))) trial.interventions.add(intervention);
  }

  private void eligibility(TrialBuilder trial, PageText page, PageValues values, StatedValues stated) {
    ages(trial, values, stated);
    String sex = values.first(PageField.SEX);
    if (sex != null) {
      trial.sex = sex;
      trial.eligibilityStated = true;
    }
    String healthy = values.first(PageField.HEALTHY_VOLUNTEERS);
    if (healthy != null) {
      String h = healthy.toLowerCase(Locale.ROOT);
      trial.healthyVolunteers = !(h.startsWith("no") || h.contains("not accept"));
      trial.eligibilityStated = true;
    }
    trial.criteria = new CriteriaRegion(labels, values).find(page.lines);
    if (trial.criteria != null) {
      CriteriaSplitter.Halves halves = CriteriaSplitter.split(trial.criteria);
      trial.inclusion = halves.inclusion();
      trial.exclusion = halves.exclusion();
      trial.eligibilityStated = true;
    }
  }

  private static void ages(TrialBuilder trial, PageValues values, StatedValues stated) {
    String ages = values.first(PageField.AGES);
    if (ages != null) {
      Matcher range = AGE_RANGE.matcher(ages);
      Matcher older = AGE_AND_OLDER.matcher(ages);
      Matcher upTo = AGE_UP_TO.matcher(ages);
      if (range.find()) {
        String unit = range.group(4) != null ? range.group(4) : range.group(2) != null ? range.group(2) : "years";
        trial.minimumAgeYears = AgeParser.years(range.group(1) + " " + (range.group(2) != null ? range.group(2) : unit));
        trial.maximumAgeYears = AgeParser.years(range.group(3) + " " + unit);
        trial.agesStated = true;
      } else if (older.find()) {
        trial.minimumAgeYears = older.group(1) != null ? AgeParser.years(older.group(1) + " " + (older.group(2) == null ? "years" : older.group(2)))
            : older.group(3) != null ? AgeParser.years(older.group(3))
            : AgeParser.years(older.group(4) + " " + (older.group(5) == null ? "years" : older.group(5)));
        trial.agesStated = true;
      } else if (upTo.find()) {
        trial.maximumAgeYears = AgeParser.years(upTo.group(1) + " " + (upTo.group(2) == null ? "years" : upTo.group(2)));
        trial.agesStated = true;
      } else if (ALL_AGES.matcher(ages).matches()) {
        trial.agesStated = true;
      }
      Matcher groups = AGE_GROUPS.matcher(ages);
      if (groups.find() || (groups = BARE_AGE_GROUPS.matcher(ages)).matches()) {
        Arrays.stream(groups.group(1).split(",")).map(g -> g.strip().toUpperCase(Locale.ROOT).replace(' ', '_'))
            .filter(g -> !g.isEmpty()).forEach(trial.stdAges::add);
        trial.agesStated = true;
      }
    }
    Double min = stated.age("minimum age", values.first(PageField.MINIMUM_AGE));
    Double max = stated.age("maximum age", values.first(PageField.MAXIMUM_AGE));
    if (min != null) {
      trial.minimumAgeYears = min;
      trial.agesStated = true;
    }
    if (max != null) {
      trial.maximumAgeYears = max;
      trial.agesStated = true;
    }
    if (trial.agesStated) trial.eligibilityStated = true;
  }

  private void rest(TrialBuilder trial, PageText page, PageValues values, StatedValues stated) {
    trial.studyType = values.first(PageField.STUDY_TYPE);
    String enrollment = values.first(PageField.ENROLLMENT);
    if (enrollment != null) {
      Matcher m = INTEGER.matcher(enrollment);
      if (m.find()) trial.enrollment = Integer.parseInt(m.group().replace(",", ""));
    }
    trial.startDate = stated.date("start date", values.first(PageField.START_DATE));
    trial.lastUpdate = stated.date("last update date", values.first(PageField.LAST_UPDATE));
    trial.statusVerified = stated.date("status verified date", values.first(PageField.STATUS_VERIFIED));
    trial.briefSummary = values.first(PageField.BRIEF_SUMMARY);
    if (trial.briefSummary == null) trial.briefSummary = unlabelledSummary(page.lines, values, trial);
    trial.detailedDescription = values.first(PageField.DETAILED_DESCRIPTION);
    trial.leadSponsor = new SponsorRoles(values).lead(page.lines);
    for (String c : values.get(PageField.COUNTRIES)) addCountry(trial, countryOf.apply(c));
    locationTableCountries(trial, page);
  }

  /**
   * A page without a summary label (a CSV row laid out as lines, a card) has its summary as the
   * first prose above the interventions and criteria: a paragraph of a dozen words or more that is
   * no title, table row, hint or site text, and the prose paragraphs that follow it.
   */
  private String unlabelledSummary(List<String> lines, PageValues values, TrialBuilder trial) {
    int end = values.labelLine.getOrDefault(PageField.INTERVENTIONS, lines.size());
    List<String> paragraphs = new ArrayList<>();
    for (int i = 0; i < end; i++) {
      String raw = lines.get(i);
      String line = PageText.clean(raw);
      if (line.isEmpty() || line.equals(trial.briefTitle) || line.equals(trial.officialTitle)) continue;
      if (CriteriaSplitter.headingOf(line) != null || TYPE_WORD_LINE.matcher(line).matches() || isTypedList(line)) break;
      boolean prose = !raw.contains("|") && !labels.isHint(line) && !labels.isBoilerplate(line);
      if (paragraphs.isEmpty() && prose && PageText.words(line) >= MIN_SUMMARY_WORDS) {
        paragraphs.add(PageText.unpiped(raw));
      } else if (!paragraphs.isEmpty() && prose && PageText.words(line) >= MIN_PROSE_WORDS) {
        paragraphs.add(PageText.unpiped(raw));
      } else if (!paragraphs.isEmpty()) {
        break;
      }
    }
    return paragraphs.isEmpty() ? null : String.join("\n\n", paragraphs);
  }

  /** Country rows of a location table: "United States, Massachusetts | |", "France | |". */
  private void locationTableCountries(TrialBuilder trial, PageText page) {
    for (String line : page.lines) {
      if (line.chars().filter(c -> c == '|').count() < 2) continue;
      List<String> cells = PageText.cells(line);
      if (cells.size() != 1) continue;
      String[] parts = cells.get(0).split(",");
      if (parts.length > 2) continue;
      addCountry(trial, countryOf.apply(parts[0].strip()));
    }
  }

  private static void addCountry(TrialBuilder trial, String country) {
    if (country != null && !trial.countries.contains(country)) trial.countries.add(country);
  }

  /** A trial page states an NCT id, or a title and at least two of status, phases, conditions, interventions and criteria. */
  private static boolean isTrial(TrialBuilder trial) {
    if (trial.nctId != null) return true;
    if (trial.briefTitle == null) return false;
    int facts = (trial.status != null ? 1 : 0) + (trial.phases.isEmpty() ? 0 : 1) + (trial.conditions.isEmpty() ? 0 : 1)
        + (trial.interventions.isEmpty() ? 0 : 1) + (trial.criteria != null ? 1 : 0);
    return facts >= 2;
  }

  static int nextNonBlank(List<String> lines, int from) {
    int i = from;
    while (i < lines.size() && lines.get(i).isBlank()) i++;
    return i;
  }

  private static int previousNonBlank(List<String> lines, int from) {
    int i = from;
    while (i >= 0 && lines.get(i).isBlank()) i--;
    return i;
  }
}
