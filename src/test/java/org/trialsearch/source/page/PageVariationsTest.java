package org.trialsearch.source.page;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trialsearch.Collected;
import org.trialsearch.SharedCorpus;
import org.trialsearch.TestReaders;
import org.trialsearch.enrich.Enricher;
import org.trialsearch.model.Trial;
import org.trialsearch.source.RecordSink;
import org.trialsearch.source.page.PageLayouts.Layout;
import org.trialsearch.source.page.PageLayouts.Page;
import org.trialsearch.source.page.PageLayouts.Stated;
import org.trialsearch.vocabulary.Vocabulary;

/**
 * Real records of the shared corpus rendered as each of the five layouts of the seed pages, with
 * the variations real pages have ({@link PageLayouts}), then read back: each field the page states
 * (or leaves out) is checked against the record. Fields right per layout go to
 * {@code target/page-variations.txt} with every field read wrong.
 */
class PageVariationsTest {

  /** Records per layout: CAR-T trials first, so that the antigens are put to the test, then others. */
  private static final int RECORDS = 340;
  /** Share of fields read right in every layout, as reached (the least is the card's, 99.6%). */
  private static final double FLOOR = 0.995;
  private static final Path REPORT = Path.of("target", "page-variations.txt");

  private static final Vocabulary VOCABULARY = Vocabulary.load(TestReaders.config());
  private static final Enricher ENRICHER = new Enricher(VOCABULARY);
  private static final PageReader READER = new PageReader(TestReaders.config(), VOCABULARY);
  private static final List<Trial> RECORDS_TO_RENDER = new ArrayList<>();

  @BeforeAll
  static void chooseRecords() {
    List<Trial> renderable = Collected.from(SharedCorpus.LEGACY_XML_ZIP).trials.stream().filter(t -> PageLayouts.renderable(t, VOCABULARY))
        .sorted(Comparator.comparing(Trial::nctId)).toList();
    List<Trial> withAntigens = renderable.stream().filter(t -> !ENRICHER.facets(t).antigens().isEmpty()).toList();
    RECORDS_TO_RENDER.addAll(withAntigens.subList(0, Math.min(RECORDS / 2, withAntigens.size())));
    List<Trial> others = renderable.stream().filter(t -> !RECORDS_TO_RENDER.contains(t)).toList();
    int wanted = RECORDS - RECORDS_TO_RENDER.size();
    for (int i = 0; i < wanted; i++) RECORDS_TO_RENDER.add(others.get(i * others.size() / wanted));
  }

  /** Right and checked counts of one layout, by field. */
  private static final class Tally {
    final Map<String, int[]> byField = new TreeMap<>();
    final List<String> wrong = new ArrayList<>();
    int pagesRead;

    void check(String field, Object expected, Object actual, Page page) {
      int[] counts = byField.computeIfAbsent(field, f -> new int[2]);
      counts[1]++;
      if (Objects.equals(expected, actual)) counts[0]++;
      else wrong.add(page.nctId() + " " + field + ": expected " + expected + ", read " + actual + "  " + page.variations());
    }

    int right() {
      return byField.values().stream().mapToInt(c -> c[0]).sum();
    }

    int checked() {
      return byField.values().stream().mapToInt(c -> c[1]).sum();
    }
  }

  @Test
  void everyLayoutIsReadRightFieldByField() throws IOException {
    PageLayouts layouts = new PageLayouts(VOCABULARY);
    Map<Layout, Tally> tallies = new EnumMap<>(Layout.class);
    for (Layout layout : Layout.values()) {
      Tally tally = new Tally();
      for (Trial record : RECORDS_TO_RENDER) check(layouts.render(record, layout), tally);
      tallies.put(layout, tally);
    }
    StringBuilder report = new StringBuilder("Fields read right per layout, " + RECORDS + " records each:\n");
    tallies.forEach((layout, tally) -> report.append(String.format("  %-8s %5d of %5d (%.1f%%), %d pages read as trials%s%n", layout,
        tally.right(), tally.checked(), 100.0 * tally.right() / tally.checked(), tally.pagesRead, fields(tally))));
    tallies.forEach((layout, tally) -> {
      report.append('\n').append(layout).append(": ").append(tally.wrong.size()).append(" wrong\n");
      tally.wrong.forEach(w -> report.append("  ").append(w).append('\n'));
    });
    Files.createDirectories(REPORT.getParent());
    Files.writeString(REPORT, report);
    System.out.print(report.substring(0, report.indexOf("\n\n")));
    tallies.forEach((layout, tally) -> assertTrue((double) tally.right() / tally.checked() >= FLOOR,
        layout + " fell below " + FLOOR + "; see " + REPORT));
    assertTrue(tallies.values().stream().allMatch(t -> t.checked() >= RECORDS * 2), "every layout checks fields of every record");
  }

  private static String fields(Tally tally) {
    StringBuilder out = new StringBuilder();
    tally.byField.forEach((field, counts) -> out.append(String.format("%n      %-15s %4d of %4d", field, counts[0], counts[1])));
    return out.toString();
  }

  private static void check(Page page, Tally tally) {
    Trial read = read(page);
    tally.check("read as a trial", true, read != null, page);
    if (read == null) return;
    tally.pagesRead++;
    Stated stated = page.stated();
    var facets = ENRICHER.facets(read);
    tally.check("title", stated.title(), read.briefTitle(), page);
    tally.check("summary", squeezed(stated.summary()), squeezed(read.briefSummary()), page);
    tally.check("status", stated.status(), facets.statusStated(), page);
    // a title may state the phase ("A Phase 2 Study of ...") where the page shows no phase of its own
    if (!stated.phases().isEmpty() || !stated.title().toLowerCase(Locale.ROOT).contains("phase")) {
      tally.check("phases", VOCABULARY.phases().inVocabularyOrder(stated.phases()), facets.phases(), page);
    }
    tally.check("interventions", stated.interventions(), read.interventions().stream().map(i -> i.name()).toList(), page);
    tally.check("antigens", ENRICHER.facets(stated.shown()).antigens(), facets.antigens(), page);
    if (stated.countriesShown()) {
      tally.check("countries", new HashSet<>(VOCABULARY.countries().normalizeAll(stated.countries(), true)),
          new HashSet<>(facets.countries()), page);
    } else {
      tally.check("countries", List.of(), facets.countries(), page);
    }
    var eligibility = read.eligibility();
    boolean agesRead = eligibility != null && Boolean.TRUE.equals(eligibility.agesStated());
    if (stated.agesShown()) {
      tally.check("ages", years(stated.minAge()) + " to " + years(stated.maxAge()),
          agesRead ? years(eligibility.minimumAgeYears()) + " to " + years(eligibility.maximumAgeYears()) : "none", page);
    } else {
      tally.check("ages", false, agesRead, page);
    }
    tally.check("first inclusion", stated.firstInclusion(), first(eligibility == null ? null : eligibility.inclusion()), page);
    tally.check("first exclusion", stated.firstExclusion(), first(eligibility == null ? null : eligibility.exclusion()), page);
  }

  /** An age to the hundredth of a year: "4 Months" is 0.33 however the source rounded it. */
  private static String years(Double age) {
    return age == null ? "none" : String.format(Locale.ROOT, "%.2f", age);
  }

  private static String squeezed(String text) {
    return text == null ? null : text.replaceAll("\\s+", " ").strip();
  }

  private static String first(String half) {
    List<String> items = PageLayouts.items(half);
    return items.isEmpty() ? null : items.get(0);
  }

  /** The trial the reader finds in the page, or null. */
  private static Trial read(Page page) {
    List<Trial> found = new ArrayList<>();
    RecordSink sink = new RecordSink() {
      @Override
      public void accept(Trial trial) {
        found.add(trial);
      }

      @Override
      public void skip(String file, int position, String reason) {}

      @Override
      public void warn(String file, int position, String problem) {}
    };
    try {
      READER.read(new ByteArrayInputStream(page.text().getBytes(StandardCharsets.UTF_8)), page.nctId() + ".txt", sink);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return found.isEmpty() ? null : found.get(0);
  }
}
