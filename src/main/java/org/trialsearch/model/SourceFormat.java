package org.trialsearch.model;

/**
 * The source formats a trial record can come from, richest first: when two records of a trial
 * are equally recent, the richer format's values win.
 */
public enum SourceFormat {
  CTGOV_V2_JSON,
  CTGOV_XML,
  CTGOV_CSV,
  TRACKER_CSV,
  WEB_PAGE
}
