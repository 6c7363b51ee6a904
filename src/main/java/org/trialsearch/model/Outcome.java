package org.trialsearch.model;

/** A primary or secondary outcome measure. */
public record Outcome(String measure, String description, String timeFrame) {}
