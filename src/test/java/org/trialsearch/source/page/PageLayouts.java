package org.trialsearch.source.page;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import org.trialsearch.model.Intervention;
import org.trialsearch.model.Trial;
import org.trialsearch.model.TrialBuilder;
import org.trialsearch.vocabulary.Vocabulary;

/**
 * Renders a registry record as the pages people copy from the five sites of the seed pages, with
 * the variations real pages show: labels worded otherwise, combined phases in each site's spelling,
 * open ages as "18+ years", several interventions, fields left out, long lines, no id. Each page
 * comes with what it states, field by field, for the reader's result to be checked against.
 */
final class PageLayouts {

  /** The five layouts of the seed pages. */
  enum Layout {
    /** The classic ClinicalTrials.gov study page (seed 000). */
    CLASSIC,
    /** A row of the website's CSV export laid out as lines, no labels and no id (seed 001). */
    CSV_ROW,
    /** A portal with a heading, a one-line hint and the value for each section (seed 002). */
    PORTAL,
    /** The Veeva clinical trials portal (seed 003). */
    VEEVA,
    /** A card layout: bullets of facts, an unlabelled summary, typed intervention lines (seed 004). */
    CARD
  }

  /**
   * What a page states; a null or empty value is a field the page does not show, which the reader
   * must then leave empty too. {@code shown} is the record cut to the text the page shows, from
   * which the antigens are derived to compare.
   */
  record Stated(String title, String status, List<String> phases, Double minAge, Double maxAge, boolean agesShown,
      List<String> countries, boolean countriesShown, String firstInclusion, String firstExclusion, List<String> interventions,
      String summary, Trial shown) {}

  record Page(Layout layout, String nctId, String text, Stated stated, List<String> variations) {}

  private static final Pattern BULLET = Pattern.compile("^\\s*(?:[-*•·▪]|\\d{1,2}[.)]|[a-z][.)])\\s+");

  private final Vocabulary vocabulary;

  /** @param vocabulary gives the registry's values of a record's status and phases, to word them as each site does */
  PageLayouts(Vocabulary vocabulary) {
    this.vocabulary = vocabulary;
  }

  /** Whether a record has what every layout shows: a title, status, phases, interventions and criteria in two halves. */
  static boolean renderable(Trial t, Vocabulary vocabulary) {
    return t.briefTitle() != null && !vocabulary.statuses().lookup(t.status()).isEmpty()
        && !vocabulary.phases().normalizeAll(t.phases(), false).isEmpty() && !t.interventions().isEmpty()
        && t.eligibility() != null && !items(t.eligibility().inclusion()).isEmpty() && !items(t.eligibility().exclusion()).isEmpty();
  }

  Page render(Trial t, Layout layout) {
    Random random = new Random((t.nctId() + layout).hashCode());
    return switch (layout) {
      case CLASSIC -> new Classic(t, random).page();
      case CSV_ROW -> new CsvRow(t, random).page();
      case PORTAL -> new Portal(t, random).page();
      case VEEVA -> new Veeva(t, random).page();
      case CARD -> new Card(t, random).page();
    };
  }

  /** The items of a half of the criteria: its non-blank lines without their bullets. */
  static List<String> items(String half) {
    if (half == null) return List.of();
    return half.lines().map(l -> BULLET.matcher(l).replaceFirst("").strip()).filter(l -> !l.isEmpty()).toList();
  }

  /** One page being written: the text, what it states, and the variations chosen. */
  private abstract class Writer {
    final Trial t;
    final Random random;
    final StringBuilder out = new StringBuilder();
    final List<String> variations = new ArrayList<>();
    final String canonicalStatus;
    final List<String> phases;
    boolean showId = true;
    boolean showStatus = true;
    boolean showPhases = true;
    boolean showAges = false;
    boolean showCountries = false;
    boolean showCriteria = true;
    boolean showSummary = true;
    boolean showOfficialTitle = false;
    boolean showDescriptions = false;

    Writer(Trial t, Random random) {
      this.t = t;
      this.random = random;
      this.canonicalStatus = vocabulary.statuses().lookup(t.status()).get(0);
      this.phases = vocabulary.phases().inVocabularyOrder(vocabulary.phases().normalizeAll(t.phases(), false));
    }

    abstract void write();

    Page page() {
      write();
      return new Page(layoutOf(this), t.nctId(), out.toString(), stated(), List.copyOf(variations));
    }

    /** Leaves out, as real pages now and then do, the id (where the layout may), status, phases and summary. */
    void leaveOutNowAndThen(boolean idMayGo) {
      if (idMayGo) showId = !chance(0.2, "no id");
      showStatus = !chance(0.1, "no status");
      showPhases = !chance(0.1, "no phases");
      showSummary = t.briefSummary() != null && !chance(0.1, "no summary");
    }

    boolean chance(double p, String variation) {
      boolean yes = random.nextDouble() < p;
      if (yes) variations.add(variation);
      return yes;
    }

    <T> T pick(List<T> options) {
      return options.get(random.nextInt(options.size()));
    }

    void line(String text) {
      out.append(text).append('\n');
    }

    void blank() {
      out.append('\n');
    }

    Stated stated() {
      Double min = t.eligibility().minimumAgeYears();
      Double max = t.eligibility().maximumAgeYears();
      return new Stated(t.briefTitle(), showStatus ? canonicalStatus : null, showPhases ? phases : List.of(),
          showAges ? min : null, showAges ? max : null, showAges, showCountries ? t.countries() : List.of(), showCountries,
          showCriteria ? items(t.eligibility().inclusion()).get(0) : null,
          showCriteria ? items(t.eligibility().exclusion()).get(0) : null, interventionNames(), showSummary ? t.briefSummary() : null,
          shown());
    }

    /** The interventions' names, each once whatever its case. */
    List<String> interventionNames() {
      Set<String> seen = new HashSet<>();
      return t.interventions().stream().map(Intervention::name).filter(n -> seen.add(n.toLowerCase(Locale.ROOT))).toList();
    }

    /** The record cut to what the page shows of the text the antigens come from. */
    Trial shown() {
      TrialBuilder b = new TrialBuilder();
      b.nctId = t.nctId();
      b.briefTitle = t.briefTitle();
      if (showOfficialTitle) b.officialTitle = t.officialTitle();
      b.conditions.addAll(t.conditions());
      for (Intervention i : t.interventions()) {
        b.interventions.add(new Intervention(i.type(), i.name(), List.of(), showDescriptions ? i.description() : null));
      }
      if (showSummary) b.briefSummary = t.briefSummary();
      return b.build();
    }

    /** Phases as a site words them: "Phase 1", "PHASE1", "Early Phase 1", "N/A". */
    String phaseWords(String phase, boolean upper) {
      if (upper) return phase;
      return switch (phase) {
        case "EARLY_PHASE1" -> "Early Phase 1";
        case "NA" -> "N/A";
        default -> "Phase " + phase.substring("PHASE".length());
      };
    }

    /** The combined phases in one of the spellings sites use. */
    String phasesJoined(boolean upper) {
      List<String> words = phases.stream().map(p -> phaseWords(p, upper)).toList();
      if (words.size() == 1) return words.get(0);
      String joiner = pick(upper ? List.of("/", ", ", "|") : List.of("/", ", ", " "));
      variations.add("phases joined by '" + joiner + "'");
      return String.join(joiner, words);
    }

    String statusWords(boolean upper) {
      if (upper) return canonicalStatus;
      String words = canonicalStatus.replace('_', ' ').toLowerCase(Locale.ROOT);
      if (words.equals("active not recruiting")) words = "active, not recruiting";
      if (words.equals("unknown")) words = "unknown status";
      return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** An age as sites write it, in the unit the registry gave: "18 Years", "6 Months", "2 Weeks", "1 Day". */
    String age(double years) {
      // ages come rounded to a thousandth of a year: whole in a unit to that rounding, scaled
      if (whole(years, 0.0006)) return Math.round(years) + " Years";
      if (whole(years * 12, 0.0006 * 12)) return Math.round(years * 12) + " Months";
      if (whole(years * 365.25 / 7, 0.0006 * 365.25 / 7)) return Math.round(years * 365.25 / 7) + " Weeks";
      if (whole(years * 365.25, 0.0006 * 365.25)) return Math.round(years * 365.25) + " Days";
      return Math.round(years * 365.25 * 24) + " Hours";
    }

    boolean whole(double value, double tolerance) {
      return Math.abs(value - Math.rint(value)) <= tolerance;
    }

    boolean whole(double years) {
      return whole(years, 0.0006);
    }

    /** A summary as paragraphs, or as one long line. */
    String summary() {
      // a web page flows each paragraph; the registry's text breaks its lines
      String summary = flowed(t.briefSummary());
      if (chance(0.3, "summary on one long line")) return summary.replaceAll("\\s*\\n\\s*", " ");
      return summary;
    }

    String flowed(String text) {
      return text.strip().replaceAll("[ \\t]*\\n[ \\t]*(?!\\s*\\n)", " ").replaceAll("\\n\\s*\\n\\s*", "\n\n");
    }

    String type(Intervention i, boolean upper) {
      String type = i.type() == null ? "Other" : i.type();
      String words = type.replace('_', ' ').toLowerCase(Locale.ROOT);
      words = Character.toUpperCase(words.charAt(0)) + words.substring(1);
      return upper ? words.toUpperCase(Locale.ROOT).replace(' ', '_') : words;
    }

    void numbered(String inclusionHead, String exclusionHead) {
      line(inclusionHead);
      blank();
      List<String> inclusion = items(t.eligibility().inclusion());
      for (int n = 0; n < inclusion.size(); n++) line((n + 1) + ". " + inclusion.get(n));
      blank();
      line(exclusionHead);
      blank();
      List<String> exclusion = items(t.eligibility().exclusion());
      for (int n = 0; n < exclusion.size(); n++) line((n + 1) + ". " + exclusion.get(n));
      blank();
    }

    void criteria(String inclusionHead, String exclusionHead, String bullet) {
      line(inclusionHead);
      if (bullet.isEmpty()) blank();
      for (String item : items(t.eligibility().inclusion())) line(bullet + item);
      blank();
      line(exclusionHead);
      if (bullet.isEmpty()) blank();
      for (String item : items(t.eligibility().exclusion())) line(bullet + item);
    }
  }

  private Layout layoutOf(Writer writer) {
    if (writer instanceof Classic) return Layout.CLASSIC;
    if (writer instanceof CsvRow) return Layout.CSV_ROW;
    if (writer instanceof Portal) return Layout.PORTAL;
    if (writer instanceof Veeva) return Layout.VEEVA;
    return Layout.CARD;
  }

  private final class Classic extends Writer {
    Classic(Trial t, Random random) {
      super(t, random);
      showAges = true;
      showCountries = !t.countries().isEmpty();
      showOfficialTitle = t.officialTitle() != null;
    }

    @Override
    void write() {
      showId = !chance(0.2, "no id");
      showStatus = !chance(0.1, "no status");
      showAges = !chance(0.1, "no ages");
      showSummary = t.briefSummary() != null && !chance(0.3, "no summary");
      line(t.briefTitle());
      line("![]() |");
      line("The safety and scientific validity of this study is the responsibility of the study sponsor and investigators. |");
      if (showId) line(pick(List.of("ClinicalTrials.gov Identifier: ", "ClinicalTrials.gov ID: ")) + t.nctId() + " |");
      if (showStatus) {
        line(pick(List.of("Recruitment Status :", "Overall Status :", "Recruitment Status:", "Status:")));
        line(statusWords(false));
      }
      line("First Posted : April 21, 2016");
      line("|");
      line("- Study Details");
      line("- Tabular View");
      conditionsTable();
      line("Study Type : | Interventional (Clinical Trial) |");
      if (showOfficialTitle) line("Official Title: | " + t.officialTitle() + " |");
      blank();
      if (showSummary) {
        line(pick(List.of("Brief Summary:", "Study Description")));
        line(summary());
        blank();
      }
      line("Choosing to participate in a study is an important personal decision. Talk with your doctor and family members.");
      if (showAges) line(pick(List.of("Ages Eligible for Study: | ", "Ages Eligible for Study: ", "Eligible Ages: | ")) + ages() + " |");
      line("Sexes Eligible for Study: | All |");
      line("Accepts Healthy Volunteers: | No |");
      if (chance(0.2, "key criteria headings")) criteria("Key Inclusion Criteria:", "Key Exclusion Criteria:", "- ");
      else criteria("Inclusion Criteria:", "Exclusion Criteria:", "- ");
      blank();
      if (showId) line("Please refer to this study by its ClinicalTrials.gov identifier (NCT number): " + t.nctId());
      if (showCountries) {
        for (String country : t.countries()) {
          line(country.equals("United States") ? "United States, California | |" : country + " | |");
          line("Some Hospital | |");
          line("Some City, " + country + " | |");
        }
      }
    }

    /** The table of conditions, interventions and phases: one row with several values in a cell, or a row for each. */
    void conditionsTable() {
      line(pick(List.of("Condition or disease | Intervention/treatment | Phase |", "Condition or disease | Intervention/treatment | Phase |")));
      line("---|---|---|");
      List<String> interventions = t.interventions().stream().map(i -> type(i, false) + ": " + i.name()).toList();
      String phaseCell = showPhases ? String.join(" ", phases.stream().map(p -> phaseWords(p, false)).toList()) : "";
      if (interventions.size() > 1 && chance(0.5, "a table row for each intervention")) {
        int rows = Math.max(interventions.size(), t.conditions().size());
        for (int r = 0; r < rows; r++) {
          String condition = r < t.conditions().size() ? t.conditions().get(r) : "";
          String intervention = r < interventions.size() ? interventions.get(r) : "";
          line(condition + " | " + intervention + " | " + (r == 0 ? phaseCell : "") + " |");
        }
      } else {
        line(String.join(" ", t.conditions()) + " | " + String.join(" ", interventions) + " | " + phaseCell + " |");
      }
    }

    String ages() {
      Double min = t.eligibility().minimumAgeYears();
      Double max = t.eligibility().maximumAgeYears();
      if (min != null && max != null) return age(min) + " to " + age(max) + "   (Adult)";
      if (min != null) return chance(0.5, "open age as N+") ? (long) Math.floor(min) + "+ years" : age(min) + " and older   (Adult, Older Adult)";
      if (max != null) return "up to " + age(max) + "   (Child, Adult)";
      return "Child, Adult, Older Adult";
    }

    @Override
    Stated stated() {
      Stated s = super.stated();
      Double min = t.eligibility().minimumAgeYears();
      // "N+ years" shows whole years only
      Double shownMin = min != null && variations.contains("open age as N+") ? Double.valueOf(Math.floor(min)) : min;
      return new Stated(s.title(), s.status(), s.phases(), showAges ? shownMin : null, s.maxAge(), s.agesShown(), s.countries(),
          s.countriesShown(), s.firstInclusion(), s.firstExclusion(), s.interventions(), s.summary(), s.shown());
    }
  }

  private final class CsvRow extends Writer {
    CsvRow(Trial t, Random random) {
      super(t, random);
      showId = false;
      showStatus = false;
      showPhases = false;
      showCriteria = false;
    }

    @Override
    void write() {
      showSummary = t.briefSummary() != null;
      line(t.briefTitle());
      if (showSummary) line(t.briefSummary().strip().replaceAll("\\s*\\n\\s*", " "));
      List<String> conditions = new ArrayList<>(t.conditions());
      if (chance(0.3, "a long conditions line")) {
        Set<String> more = new LinkedHashSet<>(conditions);
        more.addAll(t.keywords());
        more.add("Neoplasms by Histologic Type");
        more.add("Lymphoproliferative Disorders");
        more.add("Immune System Diseases");
        more.add("Hematologic Diseases");
        conditions = new ArrayList<>(more);
      }
      line(String.join("|", conditions));
      line(String.join("|", t.interventions().stream().map(i -> type(i, true) + ": " + i.name()).toList()));
      line(t.primaryOutcomes().isEmpty() ? "Safety, 28 days" : t.primaryOutcomes().get(0).measure() + ", 12 months");
      if (showSummary) line(t.briefSummary().strip().replaceAll("\\s*\\n\\s*", " "));
    }
  }

  private final class Portal extends Writer {
    Portal(Trial t, Random random) {
      super(t, random);
      showAges = t.eligibility().minimumAgeYears() != null || t.eligibility().maximumAgeYears() != null;
      showCountries = !t.countries().isEmpty();
      showDescriptions = true;
    }

    @Override
    void write() {
      leaveOutNowAndThen(true);
      showCountries = showCountries && !chance(0.1, "no countries");
      line(t.briefTitle());
      blank();
      if (showId) {
        line("NCT ID: " + t.nctId());
        blank();
      }
      line("Last Updated: 2025-12-05");
      blank();
      section("Basic Information", "Get a concise snapshot of the trial, including recruitment status and study phase.", null);
      if (showStatus) section(pick(List.of("Recruitment Status", "Trial Status", "Overall Status", "Study Status")), null, statusWords(true));
      if (showPhases) section(pick(List.of("Clinical Phase", "Study Phase", "Phase", "Phase(s)")), null, phasesJoined(true));
      section("Study Classification", null, "INTERVENTIONAL");
      if (showSummary) {
        section(pick(List.of("Brief Summary", "Study Summary", "Summary")), "Review the sponsor-provided synopsis that highlights what the study is about.",
            summary());
      }
      section("Conditions", "See the medical conditions and disease areas that this research is targeting.", String.join("\n\n", t.conditions()));
      line("Interventions");
      blank();
      line("Learn about the drugs, procedures, or behavioral strategies being tested.");
      blank();
      for (Intervention i : t.interventions()) {
        line(i.name());
        blank();
        if (i.description() != null) {
          line(i.description().strip());
          blank();
        }
        line("Intervention Type " + type(i, true));
        blank();
      }
      line("Eligibility Criteria");
      blank();
      line("Check the participation requirements, including inclusion and exclusion rules.");
      blank();
      if (chance(0.3, "numbered criteria")) numbered("Inclusion Criteria", "Exclusion Criteria");
      else criteria("Inclusion Criteria", "Exclusion Criteria", "* ");
      if (showAges) {
        Double min = t.eligibility().minimumAgeYears();
        Double max = t.eligibility().maximumAgeYears();
        if (min != null) section(pick(List.of("Minimum Eligible Age", "Minimum Age", "Min Age")), null, age(min));
        if (max != null) section(pick(List.of("Maximum Eligible Age", "Maximum Age", "Max Age")), null, age(max));
      }
      section("Eligible Sex", null, "ALL");
      if (showCountries) {
        section(pick(List.of("Countries", "Location Countries", "Study Countries")), "Review the countries where the study has at least one site.",
            String.join("\n\n", t.countries()));
      }
      section("More Related Trials", "Additional clinical trials that may be relevant based on similarity analysis.", null);
    }

    void section(String heading, String hint, String value) {
      line(heading);
      blank();
      if (hint != null) {
        line(hint);
        blank();
      }
      if (value != null) {
        line(value);
        blank();
      }
    }
  }

  private final class Veeva extends Writer {
    Veeva(Trial t, Random random) {
      super(t, random);
      showAges = true;
    }

    @Override
    void write() {
      leaveOutNowAndThen(true);
      line("ClinicalTrials.Veeva");
      blank();
      line("Menu");
      blank();
      line(t.briefTitle());
      blank();
      line("S");
      blank();
      line("Some University");
      blank();
      if (showStatus || showPhases) {
        line("Status and phase");
        blank();
        if (showStatus) line(veevaStatus());
        if (showPhases) {
          List<String> lines = new ArrayList<>(phases.stream().map(p -> phaseWords(p, false)).toList());
          if (lines.size() > 1 && chance(0.5, "phases highest first")) Collections.reverse(lines);
          if (lines.size() > 1 && chance(0.3, "phases on one line")) line(String.join("/", lines));
          else lines.forEach(this::line);
        }
        blank();
      }
      line("Conditions");
      blank();
      line(String.join(", ", t.conditions()));
      blank();
      line(pick(List.of("Treatments", "Interventions")));
      blank();
      for (Intervention i : t.interventions()) line(type(i, false) + ": " + i.name());
      blank();
      line("Study type");
      blank();
      line("Interventional");
      blank();
      line("Identifiers");
      blank();
      if (showId) line(t.nctId());
      line(t.ids() != null && t.ids().orgStudyId() != null && !t.ids().orgStudyId().contains(" ") ? t.ids().orgStudyId() : "PROTO-01");
      blank();
      line("Details and patient eligibility");
      blank();
      if (showSummary) {
        line("About");
        blank();
        line(summary());
        blank();
      }
      line("Sex");
      blank();
      line("All");
      blank();
      line(pick(List.of("Ages", "Age")));
      blank();
      line(ages());
      blank();
      line("Volunteers");
      blank();
      line("No Healthy Volunteers");
      blank();
      criteria("Inclusion criteria", "Exclusion criteria", "  • ");
      blank();
      line("Trial design");
      blank();
      line("Primary purpose");
      blank();
      line("Treatment");
    }

    /** Veeva words a recruiting trial as enrolling. */
    String veevaStatus() {
      return switch (canonicalStatus) {
        case "RECRUITING" -> "Enrolling";
        case "NOT_YET_RECRUITING" -> "Not yet enrolling";
        case "ACTIVE_NOT_RECRUITING" -> "Active, not recruiting";
        case "ENROLLING_BY_INVITATION" -> "Enrolling by invitation";
        default -> statusWords(false);
      };
    }

    String ages() {
      Double min = t.eligibility().minimumAgeYears();
      Double max = t.eligibility().maximumAgeYears();
      if (min != null && max != null && whole(min) && whole(max)) return (long) (double) min + " to " + (long) (double) max + " years old";
      if (min != null && max != null) return age(min) + " to " + age(max) + " old";
      if (min != null && whole(min)) return (long) (double) min + "+ years old";
      if (min != null) return age(min).replace(" ", "+ ").toLowerCase(Locale.ROOT) + " old";
      if (max != null) return "Up to " + age(max) + " old";
      return "All ages";
    }
  }

  private final class Card extends Writer {
    Card(Trial t, Random random) {
      super(t, random);
      showOfficialTitle = t.officialTitle() != null;
      showDescriptions = true;
    }

    @Override
    void write() {
      leaveOutNowAndThen(false);
      line("Title");
      blank();
      line(t.briefTitle());
      if (showOfficialTitle) line(t.officialTitle());
      if (showPhases) bullet(pick(List.of("Phase", "Phases", "Study Phase")), phasesJoined(chance(0.3, "phases in capitals")));
      bullet("Study Type", "Interventional");
      if (showStatus) bullet(pick(List.of("Status", "Recruitment Status")), statusWords(false));
      if (t.enrollment() != null) bullet(pick(List.of("Study Participants", "Participants")), String.valueOf(t.enrollment()));
      if (showSummary) line(summary());
      line("Study Started");
      line("Dec 01");
      line("2015");
      line("Last Update");
      line("Jul 01");
      line("2020");
      blank();
      boolean colon = chance(0.3, "interventions typed with a colon");
      for (Intervention i : t.interventions()) {
        line(type(i, false) + (colon ? ": " : " ") + i.name());
        blank();
        if (i.description() != null) {
          line(i.description().strip().replaceAll("\\s*\\n\\s*", " "));
          blank();
        }
      }
      line("Criteria");
      blank();
      criteria("Inclusion Criteria:", "Exclusion Criteria:", "");
      line("No Results Posted");
    }

    void bullet(String label, String value) {
      line("  • " + label);
      blank();
      line("    " + value);
    }
  }
}
