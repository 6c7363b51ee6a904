package org.trialsearch.index;

import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * How the facet values of trials are kept in the index ({@link #config}: every dimension
 * multi-valued, the autocomplete values in a field of their own), and the queries that select
 * trials by them: the one place a search's filters become a drill-down.
 */
public final class FacetFields {

  private static final FacetsConfig CONFIG = build();

  private FacetFields() {}

  private static FacetsConfig build() {
    FacetsConfig config = new FacetsConfig();
    for (String dim : Fields.FACET_DIMENSIONS) config.setMultiValued(dim, true);
    for (String dim : Fields.SUGGEST_DIMENSIONS) {
      config.setMultiValued(dim, true);
      config.setIndexFieldName(dim, Fields.SUGGEST_FIELD);
    }
    return config;
  }

  /** The facets configuration of every index of trials. */
  public static FacetsConfig config() {
    return CONFIG;
  }

  /** The trials of the query that hold the filters' values: any value of a dimension, every dimension. */
  public static DrillDownQuery drillDown(Query query, Map<String, List<String>> filters) {
    DrillDownQuery drillDown = new DrillDownQuery(CONFIG, query);
    for (String dim : Fields.FACET_DIMENSIONS) {
      for (String value : filters.getOrDefault(dim, List.of())) drillDown.add(dim, value);
    }
    return drillDown;
  }

  /** The trials that hold this value of a dimension (of search or of autocomplete). */
  public static Query holding(String dim, String value) {
    return new TermQuery(DrillDownQuery.term(CONFIG.getDimConfig(dim).indexFieldName, dim, value));
  }
}
