package org.trialsearch.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trialsearch.Collected;
import org.trialsearch.SharedCorpus;
import org.trialsearch.TestReaders;
import org.trialsearch.model.Trial;
import org.trialsearch.vocabulary.Vocabulary;

/**
 * A blind evaluation of the target antigens derived from a trial's text, against the curated
 * {@code TargetCategory} of the CAR-T tracker's 1,810 trials: the tracker's rows are read as any
 * export is, its classification columns unread (its mapping names none of them), and each trial's
 * antigens are compared with the curator's label, trial by trial. Labels judged wrong on reading
 * the record are in {@code antigens/tracker-adjudications.tsv}, each with a quote from the record;
 * agreement on the other trials must stay at or above the floor. The disagreements, by cause, go
 * to {@code target/antigen-agreement.txt}.
 */
class TrackerAgreementTest {

  /** Agreement on the trials whose label stands, as reached; a change that tags worse fails here. */
  private static final double FLOOR = 0.947;
  /** Adjudicated labels may be at most this share of the trials. */
  private static final double MAX_ADJUDICATED = 0.05;

  private static final Path TRIALS = SharedCorpus.TRACKER.resolve("trials.csv");
  private static final Path REPORT = Path.of("target", "antigen-agreement.txt");
  /** Labels that name no antigen: the curator found none named. */
  private static final Set<String> NO_ANTIGEN = Set.of("CAR-T_unspecified", "CAR-NK", "CAR-γδ T");
  private static final String OTHER = "Other_or_unknown";
  private static final String PLATFORM = "Multi-target platform";
  private static final Pattern QUOTE = Pattern.compile("\"([^\"]+)\"");

  private record Label(String category, String source) {}

  private record Adjudication(String category, String reason) {}

  private static final Map<String, Label> LABELS = new LinkedHashMap<>();
  private static final Map<String, Adjudication> ADJUDICATED = new TreeMap<>();
  private static final Map<String, List<String>> TAGGED = new TreeMap<>();
  private static final Map<String, List<String>> KINDS = new TreeMap<>();
  private static final Map<String, Trial> TRIAL = new TreeMap<>();
  /** Every antigen some label names: an antigen outside it is one the curator would call "other". */
  private static final Set<String> LABELLED_ANTIGENS = new TreeSet<>();
  /** The antigen sets the labels can express: each label's antigens. */
  private static final Set<Set<String>> EXPRESSIBLE = new HashSet<>();

  @BeforeAll
  static void tagTheTrackersTrials() throws IOException {
    try (CSVParser rows = CSVParser.parse(TRIALS, StandardCharsets.UTF_8, CSVFormat.DEFAULT.builder().setHeader().get())) {
      for (CSVRecord row : rows) LABELS.put(row.get("NCTId"), new Label(row.get("TargetCategory"), row.get("TargetSource")));
    }
    LABELS.values().forEach(label -> LABELLED_ANTIGENS.addAll(antigensOf(label.category())));
    LABELS.values().forEach(label -> EXPRESSIBLE.add(antigensOf(label.category())));
    try (InputStream in = TrackerAgreementTest.class.getResourceAsStream("/antigens/tracker-adjudications.tsv")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) continue;
        String[] cells = line.split("\t");
        ADJUDICATED.put(cells[0], new Adjudication(cells[1], cells[2]));
      }
    }
    Enricher enricher = new Enricher(Vocabulary.load(TestReaders.config()));
    for (Trial trial : Collected.from(TRIALS).trials) {
      TrialFacets facets = enricher.facets(trial);
      TAGGED.put(trial.nctId(), facets.antigens());
      KINDS.put(trial.nctId(), facets.modalities());
      TRIAL.put(trial.nctId(), trial);
    }
  }

  @Test
  void everyTrialOfTheTrackerIsReadAndEveryAdjudicationNamesOne() {
    assertEquals(1810, TAGGED.size());
    assertEquals(LABELS.keySet(), TAGGED.keySet());
    ADJUDICATED.forEach((id, adjudication) -> {
      assertTrue(LABELS.containsKey(id), "adjudicated trial not in the tracker: " + id);
      assertTrue(isLabel(adjudication.category()), "not a label of the tracker's vocabulary: " + adjudication.category());
      Matcher quote = QUOTE.matcher(adjudication.reason());
      assertTrue(quote.find(), "a quote from the record: " + id);
      String record = squeezed(recordText(TRIAL.get(id)));
      for (String piece : quote.group(1).split("\\s*\\.\\.\\.\\s*")) {
        assertTrue(record.contains(squeezed(piece)), id + " does not say \"" + piece + "\"");
      }
    });
    assertTrue(ADJUDICATED.size() <= MAX_ADJUDICATED * LABELS.size(), ADJUDICATED.size() + " adjudicated");
  }

  @Test
  void antigensAgreeWithTheCuratorsLabels() throws IOException {
    Map<String, List<String>> byCause = new TreeMap<>();
    int strictAll = 0;
    int agreeAll = 0;
    int agreeRest = 0;
    for (Map.Entry<String, Label> row : LABELS.entrySet()) {
      String id = row.getKey();
      if (agreesStrictly(row.getValue().category(), TAGGED.get(id))) strictAll++;
      boolean asLabelled = agrees(row.getValue().category(), TAGGED.get(id));
      if (asLabelled) agreeAll++;
      if (ADJUDICATED.containsKey(id)) continue;
      if (asLabelled) agreeRest++;
      else byCause.computeIfAbsent(cause(row.getValue().category(), id), c -> new ArrayList<>()).add(line(id, row.getValue()));
    }
    int rest = LABELS.size() - ADJUDICATED.size();
    double agreement = (double) agreeRest / rest;
    StringBuilder report = new StringBuilder();
    report.append(String.format("Agreement with the tracker's TargetCategory: %d of %d trials (%.1f%%) exactly as labelled,%n", strictAll,
        LABELS.size(), 100.0 * strictAll / LABELS.size()));
    report.append(String.format("%d (%.1f%%) as closely as its labels can say;%n", agreeAll, 100.0 * agreeAll / LABELS.size()));
    report.append(String.format("%d of %d (%.1f%%) of the trials whose label stands (%d adjudicated).%n%n", agreeRest, rest, 100 * agreement,
        ADJUDICATED.size()));
    byCause.forEach((cause, lines) -> {
      report.append(cause).append(": ").append(lines.size()).append('\n');
      lines.forEach(l -> report.append("  ").append(l).append('\n'));
    });
    Files.createDirectories(REPORT.getParent());
    Files.writeString(REPORT, report);
    System.out.print(report.substring(0, report.indexOf("\n\n")));
    assertTrue(agreement >= FLOOR, String.format("agreement %.3f fell below %.3f; see %s", agreement, FLOOR, REPORT));
  }

  @Test
  void adjudicatedLabelsAgreeAsCorrected() {
    List<String> off = new ArrayList<>();
    ADJUDICATED.forEach((id, adjudication) -> {
      if (!agrees(adjudication.category(), TAGGED.get(id))) off.add(id + " " + adjudication.category() + " tagged " + TAGGED.get(id));
    });
    System.out.println("adjudicated labels the tagger does not reach: " + off.size());
  }

  /** Whether the tagged antigens are exactly what the label says. */
  private static boolean agreesStrictly(String category, List<String> tagged) {
    Set<String> tags = new TreeSet<>(tagged);
    if (category.equals(OTHER)) return tags.stream().noneMatch(LABELLED_ANTIGENS::contains);
    if (category.equals(PLATFORM)) return tags.size() >= 2;
    return tags.equals(antigensOf(category));
  }

  /**
   * Whether the label is the closest one the curator's vocabulary could give the tagged antigens.
   * The labels name single antigens and a few pairs: a trial of CD19, CD20 and CD22 CARs can only
   * be labelled by a pair it contains, and is then labelled as well as the vocabulary allows if no
   * larger label fits it. A label naming no antigen ("Other_or_unknown", "CAR-NK") agrees when no
   * antigen found has a label of its own: TROP2 CAR-NK cells can only be labelled "CAR-NK".
   */
  private static boolean agrees(String category, List<String> tagged) {
    if (agreesStrictly(category, tagged)) return true;
    Set<String> tags = new TreeSet<>(tagged);
    Set<String> labelled = antigensOf(category);
    if (NO_ANTIGEN.contains(category)) return tags.stream().noneMatch(LABELLED_ANTIGENS::contains);
    if (labelled.isEmpty() || EXPRESSIBLE.contains(tags) || !tags.containsAll(labelled)) return false;
    return EXPRESSIBLE.stream().noneMatch(set -> set.size() > labelled.size() && set.containsAll(labelled) && tags.containsAll(set));
  }

  /** "CD19" -> CD19; "CD19/CD22 dual" -> CD19, CD22; "CAR-NK: BCMA" -> BCMA; labels naming none -> none. */
  private static Set<String> antigensOf(String category) {
    if (NO_ANTIGEN.contains(category) || category.equals(OTHER) || category.equals(PLATFORM)) return Set.of();
    Set<String> antigens = new TreeSet<>();
    for (String part : category.replace("CAR-NK: ", "").replace(" dual", "").split("/")) antigens.add(part.strip());
    return antigens;
  }

  /** A label as the tracker writes them: one of its categories, or "CAR-NK: " before one. */
  private static boolean isLabel(String category) {
    return LABELS.values().stream().anyMatch(l -> l.category().equals(category))
        || (category.startsWith("CAR-NK: ") && antigensOf(category).stream().allMatch(LABELLED_ANTIGENS::contains));
  }

  /** What an adjudication may quote: the titles, intervention names and summary. */
  private static String recordText(Trial trial) {
    List<String> parts = new ArrayList<>(List.of(trial.briefTitle(), String.valueOf(trial.officialTitle()), String.valueOf(trial.briefSummary())));
    trial.interventions().forEach(i -> parts.add(i.name()));
    return String.join("\n", parts);
  }

  private static String squeezed(String text) {
    return text.replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
  }

  private static String cause(String category, String id) {
    Set<String> expected = antigensOf(category);
    Set<String> tags = new TreeSet<>(TAGGED.get(id));
    boolean engineered = KINDS.get(id).stream().anyMatch(k -> k.equals("CAR-T") || k.equals("CAR-NK") || k.equals("TCR-T"));
    if (tags.isEmpty()) return engineered ? "no antigen found" : "no antigen found: no engineered-cell evidence (" + String.join(", ", KINDS.get(id)) + ")";
    if (expected.isEmpty()) return "an antigen where the label names none";
    if (tags.containsAll(expected)) return "an antigen too many";
    if (expected.containsAll(tags)) return "an antigen missed";
    return "another antigen";
  }

  private static String line(String id, Label label) {
    Trial trial = TRIAL.get(id);
    List<String> interventions = trial.interventions().stream().map(i -> i.name()).toList();
    return id + "\tlabel " + label.category() + " (" + label.source() + ")\ttagged " + TAGGED.get(id) + "\t" + trial.briefTitle() + "\t"
        + interventions;
  }
}
