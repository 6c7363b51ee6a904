package org.trialsearch.model;

/**
 * Where a record came from: the format, the file (or file inside a zip), the record's ordinal in
 * that file (from 1), how it was tied to its trial, and whether it only adds sites to a trial
 * that other records describe (a tracker's site list).
 */
public record SourceRef(SourceFormat format, String file, int position, LinkedBy linkedBy, boolean sitesOnly) {

  /** How a record was tied to its trial. */
  public enum LinkedBy {
    /** The record states the NCT id. */
    NCT_ID,
    /** The record states no NCT id; its title matched exactly one trial that has one. */
    TITLE,
    /** Neither: the trial's id is derived from the record's content. */
    CONTENT
  }

  public static SourceRef of(SourceFormat format, String file, int position) {
    return new SourceRef(format, file, position, LinkedBy.NCT_ID, false);
  }

  public SourceRef linkedBy(LinkedBy how) {
    return new SourceRef(format, file, position, how, sitesOnly);
  }
}
