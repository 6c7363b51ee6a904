package org.trialsearch.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trialsearch.enrich.EnrichedTrial;
import org.trialsearch.enrich.TrialFacets;
import org.trialsearch.index.Fields;
import org.trialsearch.index.TrialDocuments;
import org.trialsearch.model.Trial;

/**
 * One trial as every peer receives it: the text of each searchable field, the values of each facet
 * dimension ({@link Fields#NOT_STATED} where the sources state none, as this project counts them),
 * the age limits an age filter uses (null when no source states ages), and the values autocomplete
 * offers. Made by the project's own mapping, so every system indexes the same text and facets.
 */
public record BenchRecord(
    String id,
    Map<String, String> text,
    Map<String, List<String>> facets,
    Double minAge,
    Double maxAge,
    Map<String, List<String>> suggest) {

  /** The text fields a query without a field name searches, with this project's weights. */
  public static final Map<String, Double> DEFAULT_FIELDS = defaultFields();

  /** Autocomplete kinds and the dimension each is read from. */
  public static final Map<String, String> SUGGEST_KINDS = Map.of(
      "condition", Fields.CONDITION_FACET, "country", Fields.COUNTRY, "antigen", Fields.ANTIGEN,
      "intervention", Fields.SUGGEST_INTERVENTION, "sponsor", Fields.SUGGEST_SPONSOR, "title", Fields.SUGGEST_TITLE);

  public static BenchRecord of(EnrichedTrial enriched) {
    Trial trial = enriched.trial();
    TrialFacets facets = enriched.facets();
    Map<String, String> text = new LinkedHashMap<>();
    for (String field : Fields.TEXT_FIELDS) {
      // as this project searches it: an exclusion without its asides ("before leukapheresis")
      List<String> values = TrialDocuments.searchedValues(field, trial, facets);
      if (!values.isEmpty()) text.put(field, String.join("\n\n", values));
    }
    Map<String, List<String>> facetValues = new LinkedHashMap<>();
    for (String dim : Fields.FACET_DIMENSIONS) {
      List<String> values = TrialDocuments.facetValues(dim, trial, facets);
      facetValues.put(dim, values.isEmpty() ? List.of(Fields.NOT_STATED) : values);
    }
    Map<String, List<String>> suggest = new LinkedHashMap<>();
    SUGGEST_KINDS.forEach((kind, dim) -> {
      List<String> values = Fields.SUGGEST_DIMENSIONS.contains(dim) ? TrialDocuments.suggestValues(dim, trial)
          : facetValues.get(dim).stream().filter(v -> !v.equals(Fields.NOT_STATED)).toList();
      if (!values.isEmpty()) suggest.put(kind, values);
    });
    Double min = null;
    Double max = null;
    if (facets.agesStated()) {
      min = facets.minAgeYears() == null ? 0 : facets.minAgeYears();
      max = facets.maxAgeYears() == null ? TrialDocuments.NO_AGE_LIMIT : facets.maxAgeYears();
    }
    return new BenchRecord(trial.nctId(), text, facetValues, min, max, suggest);
  }

  public String text(String field) {
    return text.getOrDefault(field, "");
  }

  private static Map<String, Double> defaultFields() {
    // index-config/search-fields.txt, the weights this project's queries use
    Map<String, Double> fields = new LinkedHashMap<>();
    fields.put(Fields.ID, 5.0);
    fields.put(Fields.TITLE, 4.0);
    fields.put(Fields.CONDITION, 3.0);
    fields.put(Fields.INTERVENTION, 3.0);
    fields.put(Fields.KEYWORD, 2.0);
    fields.put(Fields.SUMMARY, 1.5);
    fields.put(Fields.SPONSOR, 1.0);
    fields.put(Fields.INCLUSION, 1.0);
    fields.put(Fields.EXCLUSION, 0.3);
    return fields;
  }
}
