package org.trialsearch.model;

/** The source formats a trial record can come from, richest first. */
public enum SourceFormat {
  CTGOV_V2_JSON
}
