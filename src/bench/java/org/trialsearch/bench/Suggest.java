package org.trialsearch.bench;

import java.util.List;
import java.util.Map;

/** The autocomplete values every peer is given: each value of each kind with the number of trials that carry it. */
final class Suggest {

  private Suggest() {}

  /** The words of a typed prefix, lower-cased, for the SQL peers' prefix queries (each word a prefix of a word of the value). */
  static List<String> prefixWords(String prefix) {
    return java.util.Arrays.stream(prefix.toLowerCase().split("[^a-z0-9]+")).filter(w -> !w.isEmpty()).toList();
  }

  /** Counts a record's values into (kind, value) => trials. */
  static void count(BenchRecord record, Map<List<String>, Integer> counts) {
    record.suggest().forEach((kind, values) -> values.forEach(value -> counts.merge(List.of(kind, value), 1, Integer::sum)));
  }
}
