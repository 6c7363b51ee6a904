package org.trialsearch.index;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;
import org.apache.lucene.util.BytesRef;
import org.trialsearch.enrich.EnrichedTrial;
import org.trialsearch.model.Eligibility;
import org.trialsearch.model.Json;
import org.trialsearch.model.Trial;

/**
 * What a result list shows of a trial ({@link TrialSummary}), and the text its snippets are cut
 * from, kept apart from the whole record as deflated JSON in a doc-values field: a page of hits
 * then reads a few kilobytes per trial instead of decompressing and parsing whole stored records
 * with every site and outcome (a fifth of a search's time). {@code text} holds each snippet field's
 * values; the whole criteria only where the record has no halves.
 */
public record StoredHit(@JsonUnwrapped TrialSummary summary, Map<String, List<String>> text) {

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

  /** The hit of a trial, from the criteria and conditions its document has read already. */
  static StoredHit of(EnrichedTrial enriched, TrialDocuments.Reading reading) {
    Trial trial = enriched.trial();
    Eligibility eligibility = trial.eligibility();
    boolean split = eligibility != null && eligibility.isSplit();
    Map<String, List<String>> text = new LinkedHashMap<>();
    for (String field : SNIPPET_FIELDS) {
      if (split && field.equals(Fields.CRITERIA)) continue; // the halves show the same text
      List<String> values = TrialDocuments.textValues(field, trial, enriched.facets(), reading);
      if (!values.isEmpty()) text.put(field, values);
    }
    return new StoredHit(TrialSummary.of(enriched), text);
  }
}
