package org.trialsearch;

import io.javalin.Javalin;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trialsearch.config.ConfigSource;
import org.trialsearch.http.ApiServer;
import org.trialsearch.index.IndexFolder;
import org.trialsearch.index.TextAnalysis;
import org.trialsearch.index.TrialIndex;
import org.trialsearch.ingest.Readers;
import org.trialsearch.ingest.TrialIngest;
import org.trialsearch.search.FilterValues;
import org.trialsearch.search.SearchService;
import org.trialsearch.search.query.FieldWeights;
import org.trialsearch.suggest.Suggestions;
import org.trialsearch.vocabulary.Vocabulary;
import org.trialsearch.write.TrialWrites;

/**
 * The running server: the index, the services over it, and HTTP. It follows its index folder: when
 * a rebuild publishes a new generation there, the server switches to it without stopping. Closing
 * stops HTTP first (requests under way finish), then commits and closes the index.
 */
public final class TrialSearchServer implements Closeable {

  private static final Logger LOG = LoggerFactory.getLogger(TrialSearchServer.class);
  private static final long FOLLOW_SECONDS = 1;

  private final IndexFolder folder;
  private final TrialIndex index;
  private final Suggestions suggestions;
  private final Javalin http;
  private final ScheduledExecutorService follower = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "index-follower");
    thread.setDaemon(true);
    return thread;
  });

  private TrialSearchServer(IndexFolder folder, TrialIndex index, Suggestions suggestions, Javalin http) {
    this.folder = folder;
    this.index = index;
    this.suggestions = suggestions;
    this.http = http;
    follower.scheduleWithFixedDelay(this::followFolder, FOLLOW_SECONDS, FOLLOW_SECONDS, TimeUnit.SECONDS);
  }

  /** Opens the index in this folder and serves it on this port (0 = any free port), with default settings. */
  public static TrialSearchServer start(Path indexDir, int port, ConfigSource config) throws IOException {
    return start(indexDir, port, config, ServerSettings.defaults());
  }

  public static TrialSearchServer start(Path indexDir, int port, ConfigSource config, ServerSettings settings) throws IOException {
    Vocabulary vocabulary = Vocabulary.load(config);
    FieldWeights weights = FieldWeights.load(config);
    TextAnalysis analysis = TextAnalysis.of(vocabulary);
    TrialIndex index = TrialIndex.open(indexDir, analysis, settings.refreshInterval());
    try {
      Suggestions suggestions = new Suggestions(index, vocabulary, analysis);
      TrialWrites writes = new TrialWrites(index, new TrialIngest(vocabulary), Readers.all(config, vocabulary));
      ApiServer api = new ApiServer(new SearchService(index, weights, analysis, settings.queryBudget()), suggestions,
          new FilterValues(vocabulary), writes, index, settings.http());
      Javalin http = api.create().start(settings.http().host(), port);
      return new TrialSearchServer(IndexFolder.at(indexDir), index, suggestions, http);
    } catch (RuntimeException | IOException e) {
      index.close();
      throw e;
    }
  }

  public int port() {
    return http.port();
  }

  /** Switches to the generation the folder names, when a rebuild has published a new one. */
  private void followFolder() {
    try {
      Path current = folder.current();
      if (current == null || current.equals(index.generation())) return;
      LOG.info("The index folder now names {}: switching to it", current.getFileName());
      index.switchTo(current);
      folder.removeUnused();
      LOG.info("Serving {}", current.getFileName());
    } catch (IOException | RuntimeException e) {
      LOG.error("could not switch to the index generation the folder names; still serving {}", index.generation().getFileName(), e);
    }
  }

  @Override
  public void close() throws IOException {
    follower.shutdownNow();
    http.stop();
    try (index) {
      suggestions.close();
    }
  }
}
