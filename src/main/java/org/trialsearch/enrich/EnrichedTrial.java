package org.trialsearch.enrich;

import org.trialsearch.model.Trial;

/** A trial as its sources state it, with the facets derived from it. */
public record EnrichedTrial(Trial trial, TrialFacets facets) {}
