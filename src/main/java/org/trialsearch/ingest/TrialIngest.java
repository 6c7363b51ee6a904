package org.trialsearch.ingest;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.trialsearch.enrich.EnrichedTrial;
import org.trialsearch.enrich.Enricher;
import org.trialsearch.index.TrialIndex;
import org.trialsearch.merge.TrialMerger;
import org.trialsearch.model.SourceRef;
import org.trialsearch.model.Trial;
import org.trialsearch.source.IngestReport;
import org.trialsearch.source.InvalidRecordException;
import org.trialsearch.vocabulary.Vocabulary;

/**
 * The one path every trial takes into the index, whether its records were read from files or
 * written through the API: each record's status and phases put in the registry's values, the
 * records merged field by field, the facets derived from the merged
 * trial, and its document put in place of the one the trial had. A trial that only site rows
 * describe (a tracker's site list) is not indexed.
 */
public final class TrialIngest {

  private final RegistryValues registryValues;
  private final Enricher enricher;
  private final TrialMerger merger = new TrialMerger();

  public TrialIngest(Vocabulary vocabulary) {
    this.registryValues = new RegistryValues(vocabulary);
    this.enricher = new Enricher(vocabulary);
  }

  /**
   * The trial these records describe, merged and enriched: what {@link #put} writes.
   *
   * @param records every record of one trial, each with its one source, in the order they were read
   */
  public EnrichedTrial enrich(List<Trial> records) {
    TrialMerger.Merged merged = merger.merge(records.stream().map(registryValues::of).toList());
    Integer statusSource = merged.fieldSources().get("status");
    SourceRef statusRef = statusSource == null ? null : merged.trial().sources().get(statusSource);
    return new EnrichedTrial(merged.trial(), merged.fieldSources(), enricher.facets(merged.trial(), statusRef));
  }

  /**
   * Puts the trial these records describe into the index, with the records, so that it can be
   * merged again when one of them changes; nothing when only site rows describe it.
   *
   * @throws InvalidRecordException when the index refuses the trial's document (the readers'
   *     limits keep every value within the index's; this keeps one record from stopping a run if not)
   */
  public Optional<TrialIndex.Write> put(TrialIndex index, List<Trial> records) throws IOException {
    if (TrialMerger.onlySiteRows(records)) return Optional.empty();
    EnrichedTrial trial = enrich(records);
    try {
      return Optional.of(index.put(trial, records));
    } catch (IllegalArgumentException e) {
      throw new InvalidRecordException("the index cannot take trial " + trial.trial().nctId() + ": " + e.getMessage());
    }
  }

  /** What the report says of a trial that {@link #put} left out because only site rows describe it. */
  public static IngestReport.Skipped siteRowsOnly(String id, List<Trial> records) {
    SourceRef first = records.get(0).sources().get(0);
    return new IngestReport.Skipped(first.file(), first.position(), "site rows of " + id + ", which no trial record describes: not indexed");
  }
}
