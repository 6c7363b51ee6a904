package org.trialsearch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.trialsearch.index.Fields;

/**
 * Draws the committed workload from the real corpus's vocabulary: words and two-word phrases of
 * the criteria, conditions and titles that a fair share of trials use, fielded criteria queries,
 * facet filters in the proportions the corpus has them, and autocomplete prefixes of the values
 * people pick. Run once: {@code Campaign --make-workload}; the output is committed so every run
 * and every system answers the same searches.
 */
final class WorkloadMaker {

  private static final Pattern WORD = Pattern.compile("[a-z][a-z0-9]{3,}");
  private static final Set<String> FILLER = Set.of("with", "have", "been", "patients", "patient", "study", "that", "will",
      "from", "must", "than", "which", "within", "other", "following", "prior", "least", "this", "should", "these",
      "after", "before", "criteria", "inclusion", "exclusion", "subjects", "subject", "participants", "including");
  private static final List<String> FILTER_DIMS = List.of(Fields.ANTIGEN, Fields.PHASE, Fields.STATUS, Fields.COUNTRY);
  private static final double[] AGES = {5, 10, 16, 18, 30, 45, 65, 75};

  private final SplittableRandom random = new SplittableRandom(20261122);
  private final Map<String, Integer> wordDf = new HashMap<>();
  private final Map<String, Integer> pairDf = new HashMap<>();
  private final Map<String, Map<String, Integer>> facetCounts = new HashMap<>();
  private final Map<String, Integer> suggestCounts = new HashMap<>();
  private int trials;

  void read(BenchRecord record) {
    trials++;
    Set<String> words = new HashSet<>();
    Set<String> pairs = new HashSet<>();
    for (String field : List.of(Fields.INCLUSION, Fields.EXCLUSION, Fields.CONDITION, Fields.TITLE)) {
      String previous = null;
      Matcher m = WORD.matcher(record.text(field).toLowerCase());
      int end = -1;
      while (m.find()) {
        String word = m.group();
        boolean usable = !FILLER.contains(word) && !EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(word);
        if (usable) words.add(word);
        if (usable && previous != null && m.start() == end + 1) pairs.add(previous + " " + word);
        previous = usable ? word : null;
        end = m.end();
      }
    }
    words.forEach(w -> wordDf.merge(w, 1, Integer::sum));
    pairs.forEach(p -> pairDf.merge(p, 1, Integer::sum));
    for (String dim : FILTER_DIMS) {
      for (String value : record.facets().get(dim)) {
        if (!value.equals(Fields.NOT_STATED)) facetCounts.computeIfAbsent(dim, k -> new HashMap<>()).merge(value, 1, Integer::sum);
      }
    }
    record.suggest().forEach((kind, values) -> {
      if (!kind.equals("title")) values.forEach(v -> suggestCounts.merge(v, 1, Integer::sum));
    });
  }

  List<BenchQuery> queries() {
    List<String> words = common(wordDf, 0.002, 0.15);
    List<String> pairs = common(pairDf, 0.002, 0.10);
    List<BenchQuery> queries = new ArrayList<>();
    for (int i = 0; i < 120; i++) queries.add(query("word", pick(words), 0));
    for (int i = 0; i < 50; i++) queries.add(query("words", pick(words) + " " + pick(words), 0));
    for (int i = 0; i < 100; i++) queries.add(query("phrase", quoted(pick(pairs)), 0));
    for (int i = 0; i < 100; i++) {
      String text = switch (i % 4) {
        case 0 -> "inclusion:" + pick(words);
        case 1 -> "exclusion:" + quoted(pick(pairs));
        case 2 -> "inclusion:" + quoted(pick(pairs)) + " -exclusion:" + pick(words);
        default -> pick(words) + " exclusion:" + pick(words);
      };
      queries.add(query("fielded", text, 0));
    }
    for (int i = 0; i < 130; i++) queries.add(query("filtered", i % 3 == 0 ? quoted(pick(pairs)) : pick(words), 1 + random.nextInt(3)));
    for (int i = 0; i < 50; i++) queries.add(query("browse", "", 1 + random.nextInt(3)));
    return queries;
  }

  List<String> prefixes() {
    List<String> values = new ArrayList<>(suggestCounts.keySet());
    values.sort(null);
    List<String> prefixes = new ArrayList<>();
    while (prefixes.size() < 1_000) {
      String value = weighted(values, suggestCounts).toLowerCase();
      Matcher m = Pattern.compile("[a-z0-9]+").matcher(value);
      if (!m.find()) continue;
      String first = m.group();
      int length = Math.min(first.length(), 1 + random.nextInt(5));
      String prefix = first.substring(0, length);
      if (length == first.length() && m.find() && random.nextInt(4) == 0) {
        prefix = first + " " + m.group().substring(0, Math.min(m.group().length(), 1 + random.nextInt(3)));
      }
      prefixes.add(prefix);
    }
    return prefixes;
  }

  private BenchQuery query(String kind, String text, int filterCount) {
    Map<String, List<String>> filters = new LinkedHashMap<>();
    Double age = null;
    List<String> dims = new ArrayList<>(FILTER_DIMS);
    dims.add("age");
    for (int i = 0; i < filterCount; i++) {
      String dim = dims.remove(random.nextInt(dims.size()));
      if (dim.equals("age")) {
        age = AGES[random.nextInt(AGES.length)];
      } else {
        Map<String, Integer> counts = facetCounts.get(dim);
        List<String> values = new ArrayList<>(counts.keySet());
        values.sort(null);
        filters.put(dim, List.of(weighted(values, counts)));
      }
    }
    return new BenchQuery(kind, text, filters, age);
  }

  private List<String> common(Map<String, Integer> df, double minShare, double maxShare) {
    return df.entrySet().stream()
        .filter(e -> e.getValue() >= minShare * trials && e.getValue() <= maxShare * trials)
        .map(Map.Entry::getKey).sorted().toList();
  }

  private String pick(List<String> values) {
    return values.get(random.nextInt(values.size()));
  }

  private String weighted(List<String> values, Map<String, Integer> counts) {
    long total = values.stream().mapToLong(counts::get).sum();
    long target = random.nextLong(total);
    for (String value : values) {
      target -= counts.get(value);
      if (target < 0) return value;
    }
    return values.get(values.size() - 1);
  }

  private static String quoted(String phrase) {
    return "\"" + phrase + "\"";
  }

  /** Writes the workload drawn from a corpus's records into the test resources. */
  static void write(Path records, Path resources) throws IOException {
    WorkloadMaker maker = new WorkloadMaker();
    CorpusMaker.forEachRecord(records, maker::read);
    Path dir = Files.createDirectories(resources.resolve("bench"));
    List<String> lines = new ArrayList<>(List.of(
        "# The benchmark's searches, drawn from the shared corpus by WorkloadMaker: kind, query, filters (tab-separated)."));
    maker.queries().forEach(q -> lines.add(q.line()));
    Files.write(dir.resolve("queries.tsv"), lines);
    List<String> prefixes = new ArrayList<>(List.of("# The benchmark's autocomplete prefixes, drawn by WorkloadMaker from the values people pick."));
    prefixes.addAll(maker.prefixes());
    Files.write(dir.resolve("prefixes.txt"), prefixes);
  }
}
