package org.trialsearch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trialsearch.SharedCorpus;
import org.trialsearch.index.Fields;
import org.trialsearch.index.IndexFolder;

/**
 * Keeps the benchmark harness honest: on the shared corpus, every system (trialsearch over HTTP,
 * the in-process limit, Solr, PostgreSQL, SQLite) must find the same trials and the same facet
 * counts for boolean queries and filters, so that the timings compare the same work. Rankings
 * differ by design and are not compared; nothing here is timed.
 */
class PeerAgreementTest {

  /**
   * Queries whose words every engine's analysis reads alike. Elsewhere the engines differ by design:
   * this project's synonyms (GBM = glioblastoma), PostgreSQL's parser (words joined by "/" read as a
   * file path, hyphenated compounds shifting phrase positions), Porter's and Snowball's stems
   * ("cyclophosphamid" = "cyclophosphamide") against KStem's, and this project's {@code exclusion:},
   * which leaves out trials whose own condition the word is (an epilepsy trial excluding
   * psychogenic seizures), and this project's asides in exclusions, which search no allergy to the
   * study's own agents: so the words are drugs that are no trial's condition, that no record joins
   * to another by "/" and that no aside holds.
   */
  static final List<BenchQuery> QUERIES = List.of(
      BenchQuery.parse("browse\t\tantigen=CD19"),
      BenchQuery.parse("browse\t\tphase=PHASE2&status=RECRUITING"),
      BenchQuery.parse("browse\t\tcountry=China&age=10"),
      BenchQuery.parse("word\tibrutinib\t"),
      BenchQuery.parse("words\tthalidomide dexamethasone\t"),
      BenchQuery.parse("words\tlenalidomide -bortezomib\t"),
      BenchQuery.parse("fielded\texclusion:clopidogrel\t"),
      BenchQuery.parse("filtered\tibrutinib\tage=30"),
      BenchQuery.parse("filtered\texclusion:clopidogrel\tphase=PHASE2&age=18"),
      BenchQuery.parse("filtered\tmyeloma\tantigen=BCMA&status=RECRUITING&status=COMPLETED"));

  private static final List<String> SYSTEMS = List.of("trialsearch", "in-process", "solr", "postgres", "sqlite");
  private static final Map<String, List<Engine.Matching>> ANSWERS = new LinkedHashMap<>();

  @BeforeAll
  static void runEverySystem() throws Exception {
    assumeTrue(Files.isDirectory(SharedCorpus.ROOT), "the shared corpus is not beside the project");
    Campaign campaign = new Campaign();
    campaign.work = Path.of("target", "peer-agreement");
    if (Files.exists(campaign.work)) IndexFolder.deleteTree(campaign.work); // every stage runs, with this build's code
    campaign.shared = SharedCorpus.ROOT;
    Engine.Corpus corpus = campaign.corpus(Campaign.SHARED);
    for (String system : SYSTEMS) {
      campaign.build(Campaign.SHARED, corpus, system);
      try (Engine engine = campaign.engine(system)) {
        engine.start(campaign.dataDir(Campaign.SHARED, system));
        List<Engine.Matching> answers = new ArrayList<>();
        for (BenchQuery query : QUERIES) answers.add(engine.matching(query));
        ANSWERS.put(system, answers);
      }
    }
    for (int i = 0; i < QUERIES.size(); i++) {
      StringBuilder line = new StringBuilder(QUERIES.get(i).line().replace('\t', ' ') + ":");
      for (String system : SYSTEMS) line.append(' ').append(system).append('=').append(ANSWERS.get(system).get(i).ids().size());
      System.out.println(line);
      for (String system : SYSTEMS) {
        var ours = new java.util.TreeSet<>(ANSWERS.get("trialsearch").get(i).ids());
        var theirs = new java.util.TreeSet<>(ANSWERS.get(system).get(i).ids());
        var onlyOurs = new java.util.TreeSet<>(ours);
        onlyOurs.removeAll(theirs);
        theirs.removeAll(ours);
        if (!onlyOurs.isEmpty() || !theirs.isEmpty()) System.out.println("  " + system + " misses " + onlyOurs.stream().limit(4).toList() + " adds " + theirs.stream().limit(4).toList());
      }
    }
  }

  @AfterAll
  static void clear() {
    ANSWERS.clear();
  }

  @Test
  void everySystemFindsTheSameTrials() {
    for (int i = 0; i < QUERIES.size(); i++) {
      var expected = new java.util.TreeSet<>(ANSWERS.get("trialsearch").get(i).ids());
      assertTrue(expected.size() > 0, "query finds trials: " + QUERIES.get(i));
      for (String system : SYSTEMS) {
        assertEquals(expected, new java.util.TreeSet<>(ANSWERS.get(system).get(i).ids()), system + " on " + QUERIES.get(i));
      }
    }
  }

  @Test
  void everySystemCountsTheSameFacets() {
    for (int i = 0; i < QUERIES.size(); i++) {
      Map<String, Map<String, Long>> expected = comparable(ANSWERS.get("trialsearch").get(i).facets());
      assertEquals(Fields.FACET_DIMENSIONS.size() - 1, expected.size());
      for (String system : SYSTEMS) {
        assertEquals(expected, comparable(ANSWERS.get(system).get(i).facets()), system + " on " + QUERIES.get(i));
      }
    }
  }

  /** Every dimension but the conditions, whose top 20 may break ties differently, in sorted maps. */
  private static Map<String, Map<String, Long>> comparable(Map<String, Map<String, Long>> facets) {
    Map<String, Map<String, Long>> sorted = new TreeMap<>();
    facets.forEach((dim, values) -> {
      if (!dim.equals(Fields.CONDITION_FACET)) sorted.put(dim, new TreeMap<>(values));
    });
    return sorted;
  }
}
