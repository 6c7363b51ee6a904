package org.trialsearch;

import io.javalin.Javalin;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import org.trialsearch.config.ConfigSource;
import org.trialsearch.enrich.Vocabulary;
import org.trialsearch.http.ApiServer;
import org.trialsearch.index.TextAnalysis;
import org.trialsearch.index.TrialIndex;
import org.trialsearch.search.FieldWeights;
import org.trialsearch.search.FilterValues;
import org.trialsearch.search.SearchService;
import org.trialsearch.search.Suggestions;

/** The running server: the index, the services over it, and HTTP. Closing it stops HTTP first, then commits and closes the index. */
public final class TrialSearchServer implements Closeable {

  private final TrialIndex index;
  private final Suggestions suggestions;
  private final Javalin http;

  private TrialSearchServer(TrialIndex index, Suggestions suggestions, Javalin http) {
    this.index = index;
    this.suggestions = suggestions;
    this.http = http;
  }

  /** Opens the index in this folder and serves it on this port (0 = any free port). */
  public static TrialSearchServer start(Path indexDir, int port, ConfigSource config) throws IOException {
    Vocabulary vocabulary = Vocabulary.load(config);
    FieldWeights weights = FieldWeights.load(config);
    TextAnalysis analysis = TextAnalysis.of(vocabulary);
    TrialIndex index = TrialIndex.open(indexDir, analysis);
    try {
      Suggestions suggestions = new Suggestions(index, vocabulary, analysis);
      ApiServer api = new ApiServer(new SearchService(index, weights, analysis), suggestions, new FilterValues(vocabulary));
      Javalin http = api.create().start(port);
      return new TrialSearchServer(index, suggestions, http);
    } catch (RuntimeException | IOException e) {
      index.close();
      throw e;
    }
  }

  public int port() {
    return http.port();
  }

  @Override
  public void close() throws IOException {
    http.stop();
    try (index) {
      suggestions.close();
    }
  }
}
