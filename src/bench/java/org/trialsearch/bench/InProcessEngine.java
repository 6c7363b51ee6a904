package org.trialsearch.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.trialsearch.config.ConfigSource;
import org.trialsearch.index.Fields;
import org.trialsearch.index.TextAnalysis;
import org.trialsearch.index.TrialIndex;
import org.trialsearch.search.SearchRequest;
import org.trialsearch.search.SearchResponse;
import org.trialsearch.search.SearchService;
import org.trialsearch.search.query.FieldWeights;
import org.trialsearch.suggest.Suggestions;
import org.trialsearch.vocabulary.Vocabulary;

/**
 * The limit: this project's search service called in the benchmark's own JVM on the index
 * {@code trialsearch} built, with no HTTP and no JSON in between.
 */
final class InProcessEngine implements Engine {

  static final String NAME = "in-process";

  private final ConfigSource config;
  private TrialIndex index;
  private SearchService search;
  private Suggestions suggestions;

  InProcessEngine(ConfigSource config) {
    this.config = config;
  }

  @Override
  public String name() {
    return NAME;
  }

  /** Nothing of its own: it reads the index {@code trialsearch} built. */
  @Override
  public Duration build(Corpus corpus, Path dir) {
    return Duration.ZERO;
  }

  @Override
  public void start(Path dir) throws Exception {
    Vocabulary vocabulary = Vocabulary.load(config);
    TextAnalysis analysis = TextAnalysis.of(vocabulary);
    index = TrialIndex.open(dir.resolve("index"), analysis);
    search = new SearchService(index, FieldWeights.load(config), analysis, Duration.ofMinutes(5));
    suggestions = new Suggestions(index, vocabulary, analysis);
  }

  @Override
  public int search(BenchQuery query) throws Exception {
    return search.search(request(query, 10, false)).hits().size();
  }

  /** @param passing whether to keep the trials that name the words only in passing, as peers (which leave nothing out) do */
  private static SearchRequest request(BenchQuery query, int size, boolean passing) {
    return new SearchRequest(query.text(), SearchRequest.Syntax.FORGIVING, query.filters(), query.age(), null, 1, size,
        SearchRequest.SortOrder.RELEVANCE, null, false, passing);
  }

  @Override
  public Matching matching(BenchQuery query) throws Exception {
    Set<String> ids = new HashSet<>();
    search.walk(request(query, 10, true), hit -> ids.add(hit.summary().nctId()));
    Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
    search.search(request(query, 1, true)).facets().forEach((dim, counts) -> facets.put(dim, values(counts)));
    return new Matching(ids, facets);
  }

  private static Map<String, Long> values(SearchResponse.FacetCounts counts) {
    Map<String, Long> values = new HashMap<>();
    counts.values().forEach(v -> values.put(v.value(), v.count()));
    if (counts.notStated() > 0) values.put(Fields.NOT_STATED, counts.notStated());
    return values;
  }

  @Override
  public int suggest(String prefix) throws Exception {
    return suggestions.suggest(prefix, 10, null, Map.of()).size();
  }

  /** It lives in the benchmark's JVM: nothing of its own to measure. */
  @Override
  public Memory memory() {
    return null;
  }

  @Override
  public void close() throws Exception {
    if (suggestions != null) suggestions.close();
    if (index != null) index.close();
    index = null;
  }
}
