package org.trialsearch.model;

/**
 * Where a record came from: the format, the file (or file inside a zip) and the position in it.
 * Position is the record's ordinal within the file, from 1.
 */
public record SourceRef(SourceFormat format, String file, int position) {}
