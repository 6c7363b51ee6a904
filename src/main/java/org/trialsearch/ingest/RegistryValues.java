package org.trialsearch.ingest;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.trialsearch.model.SourceRef;
import org.trialsearch.model.Trial;
import org.trialsearch.vocabulary.CanonicalNames;
import org.trialsearch.vocabulary.Vocabulary;

/**
 * A record's status and phases in the registry's values (RECRUITING, PHASE1), whatever words its
 * source used ("Enrolling", "Phase 1/Phase 2"), so that every trial's record compares with every
 * other's and with its facets. The source's own words stay in its {@link SourceRef#wording()}.
 * A value the vocabulary does not know takes the UPPER_SNAKE form its facet has.
 */
public final class RegistryValues {

  static final String STATUS = "status";
  static final String PHASES = "phases";

  private final CanonicalNames statuses;
  private final CanonicalNames phases;

  public RegistryValues(Vocabulary vocabulary) {
    this.statuses = vocabulary.statuses();
    this.phases = vocabulary.phases();
  }

  /** The record in the registry's values; the same record when it already uses them. */
  public Trial of(Trial record) {
    String status = status(record.status());
    List<String> registryPhases = phases(record.phases());
    Map<String, String> wording = new LinkedHashMap<>();
    if (record.status() != null && !record.status().equals(status)) wording.put(STATUS, record.status());
    if (!new HashSet<>(registryPhases).equals(new HashSet<>(record.phases()))) wording.put(PHASES, String.join(", ", record.phases()));
    if (wording.isEmpty() && registryPhases.equals(record.phases())) return record;
    List<SourceRef> sources = record.sources().stream().map(s -> wording.isEmpty() ? s : s.worded(wording)).toList();
    return record.withStatusAndPhases(status, registryPhases, sources);
  }

  private String status(String stated) {
    return statuses.oneOf(stated);
  }

  private List<String> phases(List<String> stated) {
    List<String> values = stated.stream().filter(p -> p != null && !p.isBlank())
        .flatMap(p -> {
          List<String> known = phases.lookup(p);
          return known.isEmpty() ? Stream.of(CanonicalNames.upperSnake(p)) : known.stream();
        }).distinct().toList();
    return phases.inVocabularyOrder(values);
  }
}
