package org.trialsearch.model;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a record came from: the format, the file (or file inside a zip), the record's ordinal in
 * that file (from 1), how it was tied to its trial, whether it only adds sites to a trial that
 * other records describe (a tracker's site list), and the record's own last-update date, which
 * decides whose values win when records of a trial are merged. Where the record wrote a value in
 * its own words and the trial carries the registry's value instead ("Enrolling" for RECRUITING),
 * {@code wording} keeps the record's words by field; null when there are none.
 */
public record SourceRef(SourceFormat format, String file, int position, LinkedBy linkedBy, boolean sitesOnly, LocalDate lastUpdate,
    Map<String, String> wording) {

  public SourceRef {
    wording = wording == null || wording.isEmpty() ? null : Collections.unmodifiableMap(new LinkedHashMap<>(wording));
  }

  public SourceRef(SourceFormat format, String file, int position, LinkedBy linkedBy, boolean sitesOnly, LocalDate lastUpdate) {
    this(format, file, position, linkedBy, sitesOnly, lastUpdate, null);
  }

  /** How a record was tied to its trial. */
  public enum LinkedBy {
    /** The record states the NCT id. */
    NCT_ID,
    /** The record states no NCT id; its title matched exactly one trial that has one. */
    TITLE,
    /** Neither: the trial's id is derived from the record's content. */
    CONTENT
  }

  /** How the file of a record written through the API starts: "api:PUT 2026-11-22T08:40:01Z.json". */
  public static final String API_PREFIX = "api:";

  /** Whether the record was written through the API rather than read from a file. */
  public boolean fromApi() {
    return file != null && file.startsWith(API_PREFIX);
  }

  public static SourceRef of(SourceFormat format, String file, int position) {
    return new SourceRef(format, file, position, LinkedBy.NCT_ID, false, null);
  }

  public SourceRef linkedBy(LinkedBy how) {
    return new SourceRef(format, file, position, how, sitesOnly, lastUpdate, wording);
  }

  public SourceRef dated(LocalDate date) {
    return new SourceRef(format, file, position, linkedBy, sitesOnly, date, wording);
  }

  /** This source, saying how the record worded the fields whose values the trial carries in the registry's terms. */
  public SourceRef worded(Map<String, String> words) {
    return new SourceRef(format, file, position, linkedBy, sitesOnly, lastUpdate, words);
  }
}
