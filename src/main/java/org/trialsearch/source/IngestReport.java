package org.trialsearch.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an ingest run read, per format, and every record or file it skipped with the reason. The
 * list of skipped items keeps the first {@value #MAX_LISTED}; the counts are always complete.
 */
public final class IngestReport {

  public static final int MAX_LISTED = 1000;

  /** A skipped file or record: where, and why. Position is the record's ordinal in the file, 0 for the whole file. */
  public record Skipped(String file, int position, String reason) {
    @Override
    public String toString() {
      return position > 0 ? file + " #" + position + ": " + reason : file + ": " + reason;
    }
  }

  /** How many records of a format had criteria text, and how many of those split into inclusion and exclusion. */
  public record CriteriaSplit(int withCriteria, int split) {}

  private final Map<String, Integer> recordsByFormat = new TreeMap<>();
  private final Map<String, CriteriaSplit> criteriaByFormat = new TreeMap<>();
  private final List<Skipped> skipped = new ArrayList<>();
  private final List<Skipped> warnings = new ArrayList<>();
  private int filesRead;
  private int recordsRead;
  private int skippedCount;

  public synchronized void fileRead() {
    filesRead++;
  }

  public synchronized void recordRead(String format) {
    recordsRead++;
    recordsByFormat.merge(format, 1, Integer::sum);
  }

  public synchronized void criteriaRead(String format, boolean split) {
    criteriaByFormat.merge(format, new CriteriaSplit(1, split ? 1 : 0),
        (a, b) -> new CriteriaSplit(a.withCriteria() + b.withCriteria(), a.split() + b.split()));
  }

  public synchronized Map<String, CriteriaSplit> criteriaByFormat() {
    return Map.copyOf(criteriaByFormat);
  }

  public synchronized void skip(String file, int position, String reason) {
    skippedCount++;
    if (skipped.size() < MAX_LISTED) skipped.add(new Skipped(file, position, reason));
  }

  public void skip(Skipped skipped) {
    skip(skipped.file(), skipped.position(), skipped.reason());
  }

  /** A record read only in part, or leniently: listed, and still indexed. */
  public synchronized void warn(String file, int position, String problem) {
    if (warnings.size() < MAX_LISTED) warnings.add(new Skipped(file, position, problem));
  }

  public synchronized List<Skipped> warnings() {
    return List.copyOf(warnings);
  }

  public synchronized int filesRead() {
    return filesRead;
  }

  public synchronized int recordsRead() {
    return recordsRead;
  }

  public synchronized int skippedCount() {
    return skippedCount;
  }

  public synchronized Map<String, Integer> recordsByFormat() {
    return Map.copyOf(recordsByFormat);
  }

  public synchronized List<Skipped> skipped() {
    return List.copyOf(skipped);
  }
}
