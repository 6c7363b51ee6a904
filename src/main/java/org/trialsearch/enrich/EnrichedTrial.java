package org.trialsearch.enrich;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.trialsearch.model.Trial;

/**
 * A trial as its sources state it, merged; which source gave each field (an index into
 * {@code trial.sources()}); and the facets derived from it.
 */
public record EnrichedTrial(Trial trial, Map<String, Integer> fieldSources, TrialFacets facets) {
  public EnrichedTrial {
    fieldSources = Collections.unmodifiableMap(new LinkedHashMap<>(fieldSources));
  }
}
