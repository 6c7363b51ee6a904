package org.trialsearch.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/** The committed workload: the searches (src/bench/resources/bench/queries.tsv) and the autocomplete prefixes. */
record Workload(List<BenchQuery> queries, List<String> prefixes) {

  static final String QUERIES = "bench/queries.tsv";
  static final String PREFIXES = "bench/prefixes.txt";

  static Workload load() {
    return new Workload(lines(QUERIES).stream().map(BenchQuery::parse).toList(), lines(PREFIXES));
  }

  /** The query kinds in the order the report lists them. */
  static final List<String> KINDS = List.of("word", "words", "phrase", "fielded", "filtered", "browse");

  private static List<String> lines(String resource) {
    try (var in = Objects.requireNonNull(Workload.class.getClassLoader().getResourceAsStream(resource), resource);
        var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return reader.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
