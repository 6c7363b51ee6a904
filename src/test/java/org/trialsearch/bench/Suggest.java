package org.trialsearch.bench;

import java.util.List;
import java.util.Map;

/** The autocomplete values every peer is given: each value of each kind with the number of trials that carry it. */
final class Suggest {

  private Suggest() {}

  /** Counts a record's values into (kind, value) => trials. */
  static void count(BenchRecord record, Map<List<String>, Integer> counts) {
    record.suggest().forEach((kind, values) -> values.forEach(value -> counts.merge(List.of(kind, value), 1, Integer::sum)));
  }
}
