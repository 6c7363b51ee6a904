package org.trialsearch.index;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;
import org.apache.lucene.util.BytesRef;
import org.trialsearch.enrich.EnrichedTrial;
import org.trialsearch.enrich.TrialFacets;
import org.trialsearch.model.Eligibility;
import org.trialsearch.model.Json;
import org.trialsearch.model.Trial;

/**
 * What a result list shows of a trial, and the text its snippets are cut from, kept apart from the
 * whole record as deflated JSON in a doc-values field: a page of hits then reads a few kilobytes
 * per trial instead of decompressing and parsing whole stored records with every site and outcome
 * (a fifth of a search's time). Ages in years; null = no limit. {@code text} holds each snippet
 * field's values; the whole criteria only where the record has no halves.
 */
public record StoredHit(
    String nctId,
    String title,
    String status,
    List<String> phases,
    List<String> antigens,
    List<String> countries,
    List<String> ageGroups,
    Double minimumAge,
    Double maximumAge,
    List<String> conditions,
    String sponsor,
    LocalDate startDate,
    LocalDate lastUpdate,
    Map<String, List<String>> text) {

  /** The fields snippets are cut from, in the order they are shown. */
  public static final List<String> SNIPPET_FIELDS = List.of(Fields.INCLUSION, Fields.EXCLUSION, Fields.CRITERIA, Fields.TITLE,
      Fields.CONDITION, Fields.INTERVENTION, Fields.SUMMARY, Fields.KEYWORD, Fields.SPONSOR);

  byte[] toBytes() throws IOException {
    Deflater deflater = new Deflater(Deflater.BEST_SPEED);
    try (var out = new ByteArrayOutputStream(); var deflating = new DeflaterOutputStream(out, deflater)) {
      Json.mapper().writeValue(deflating, this);
      deflating.finish();
      return out.toByteArray();
    } finally {
      deflater.end();
    }
  }

  static StoredHit fromBytes(BytesRef bytes) throws IOException {
    try (var in = new InflaterInputStream(new ByteArrayInputStream(bytes.bytes, bytes.offset, bytes.length))) {
      return Json.mapper().readValue(in, StoredHit.class);
    }
  }

  public static StoredHit of(EnrichedTrial enriched) {
    Trial trial = enriched.trial();
    TrialFacets facets = enriched.facets();
    Eligibility eligibility = trial.eligibility();
    boolean split = eligibility != null && eligibility.isSplit();
    Map<String, List<String>> text = new LinkedHashMap<>();
    for (String field : SNIPPET_FIELDS) {
      if (split && field.equals(Fields.CRITERIA)) continue; // the halves show the same text
      List<String> values = TrialDocuments.textValues(field, trial, facets);
      if (!values.isEmpty()) text.put(field, values);
    }
    return new StoredHit(trial.nctId(), trial.displayTitle(), facets.status(), facets.phases(), facets.antigens(),
        facets.countries(), facets.ageGroups(),
        eligibility == null ? null : eligibility.minimumAgeYears(),
        eligibility == null ? null : eligibility.maximumAgeYears(),
        trial.conditions(), trial.sponsor() == null ? null : trial.sponsor().lead(), trial.startDate(), trial.lastUpdate(), text);
  }
}
