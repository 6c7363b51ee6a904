package org.trialsearch.suggest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder;
import org.trialsearch.index.FacetFields;
import org.trialsearch.index.Fields;
import org.trialsearch.index.TextAnalysis;
import org.trialsearch.index.TrialSearcher;
import org.trialsearch.vocabulary.AntigenDictionary;
import org.trialsearch.vocabulary.Vocabulary;

/**
 * What autocomplete can offer, read from the index: conditions, interventions and their other
 * names, antigens (with their spellings), products (with codes and brand names), sponsors,
 * countries and titles, each with the trials that carry it and the query that finds them.
 */
final class SuggestionEntries {

  /** A value to offer: what is shown, other spellings that also lead to it, its kind, its trial count, and the query for its trials. */
  record Entry(String text, List<String> aliases, String kind, long count, Query trials) {}

  private final Vocabulary vocabulary;
  private final QueryBuilder phrases;

  SuggestionEntries(Vocabulary vocabulary, TextAnalysis analysis) {
    this.vocabulary = vocabulary;
    this.phrases = new QueryBuilder(analysis.plain());
  }

  List<Entry> read(TrialSearcher searcher) throws IOException {
    List<Entry> entries = new ArrayList<>();
    if (!searcher.hasTrials()) return entries;
    dimension(entries, searcher.wholeIndexCounts(), Fields.CONDITION_FACET, "condition");
    dimension(entries, searcher.wholeIndexCounts(), Fields.COUNTRY, "country");
    if (searcher.suggestState() != null) {
      Facets suggested = new SortedSetDocValuesFacetCounts(searcher.suggestState());
      dimension(entries, suggested, Fields.SUGGEST_INTERVENTION, "intervention");
      dimension(entries, suggested, Fields.SUGGEST_SPONSOR, "sponsor");
      dimension(entries, suggested, Fields.SUGGEST_TITLE, "title");
    }
    antigens(entries, searcher);
    products(entries, searcher);
    return entries;
  }

  /** Every value of a dimension, counted over all trials. */
  private void dimension(List<Entry> entries, Facets counts, String dim, String kind) throws IOException {
    dimension(entries, counts, dim, kind, value -> List.of());
  }

  /** Antigens the index holds, each also reachable by its spellings ("B-cell maturation antigen" leads to BCMA). */
  private void antigens(List<Entry> entries, TrialSearcher searcher) throws IOException {
    dimension(entries, searcher.wholeIndexCounts(), Fields.ANTIGEN, "antigen",
        antigen -> vocabulary.antigens().synonyms(antigen).stream().map(SuggestionEntries::unquote).toList());
  }

  private void dimension(List<Entry> entries, Facets counts, String dim, String kind,
      Function<String, List<String>> aliases) throws IOException {
    FacetResult all = counts.getAllChildren(dim);
    if (all == null) return;
    for (LabelAndValue lv : all.labelValues) {
      if (lv.label.equals(Fields.NOT_STATED)) continue;
      entries.add(new Entry(lv.label, aliases.apply(lv.label), kind, lv.value.longValue(), FacetFields.holding(dim, lv.label)));
    }
  }

  /** Products named in any trial's interventions, by generic name, with their codes and brand names. */
  private void products(List<Entry> entries, TrialSearcher searcher) throws IOException {
    for (AntigenDictionary.Product product : vocabulary.antigens().products()) {
      BooleanQuery.Builder any = new BooleanQuery.Builder();
      for (String name : product.names()) {
        Query phrase = phrases.createPhraseQuery(Fields.INTERVENTION, unquote(name));
        if (phrase != null) any.add(phrase, Occur.SHOULD);
      }
      Query trials = any.build();
      int count = searcher.count(trials);
      if (count > 0) {
        List<String> names = product.names().stream().map(SuggestionEntries::unquote).toList();
        entries.add(new Entry(names.get(0), names.subList(1, names.size()), "product", count, trials));
      }
    }
  }

  private static String unquote(String phrase) {
    return phrase.length() > 2 && phrase.startsWith("\"") && phrase.endsWith("\"") ? phrase.substring(1, phrase.length() - 1) : phrase;
  }
}
