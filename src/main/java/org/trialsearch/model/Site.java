package org.trialsearch.model;

/** A place where the trial runs. Coordinates are null when the source gives none. */
public record Site(String facility, String city, String state, String country, String status, Double latitude, Double longitude) {}
