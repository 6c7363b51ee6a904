package org.trialsearch.suggest;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ReferenceManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trialsearch.error.InvalidRequestException;
import org.trialsearch.index.FacetFields;
import org.trialsearch.index.TextAnalysis;
import org.trialsearch.index.TrialIndex;
import org.trialsearch.vocabulary.Vocabulary;

/**
 * Autocomplete: values whose words start with what was typed (typos forgiven once a word is long
 * enough), exact starts first, then by how many trials carry them, optionally only within the
 * trials a facet selection leaves, counted there. Built from the index and rebuilt in the
 * background after refreshes that changed it (at most every 5 s); lookups use the previous build until then.
 */
public final class Suggestions implements ReferenceManager.RefreshListener, Closeable {

  /** A suggested value, its kind, its trial count, and its text (or the spelling that matched) with the typed parts in {@code <mark>}. */
  public record Suggestion(String text, String kind, long count, String highlighted) {}

  public static final List<String> KINDS = List.of("condition", "intervention", "antigen", "product", "sponsor", "country", "title");
  public static final int MAX_LIMIT = 50;
  public static final int MAX_PREFIX_LENGTH = 100;
  /** With a facet selection, how many of the best matches get counted within it. */
  private static final int FILTERED_CANDIDATES = 100;

  private static final Logger LOG = LoggerFactory.getLogger(Suggestions.class);

  private final TrialIndex index;
  private final SuggestionEntries source;
  /**
   * Rebuilds start at least this far apart: a rebuild over the whole registry takes about a second,
   * and under a steady stream of writes back-to-back rebuilds would take a core from searches.
   */
  private static final long MIN_GAP_NANOS = TimeUnit.SECONDS.toNanos(5);

  private final ScheduledExecutorService rebuilder = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "suggestions-rebuild");
    thread.setDaemon(true);
    return thread;
  });
  private final AtomicBoolean rebuildPending = new AtomicBoolean();
  private volatile long lastRebuild = System.nanoTime() - MIN_GAP_NANOS;
  private final ReadWriteLock swap = new ReentrantReadWriteLock();
  private SuggestionIndex current;

  public Suggestions(TrialIndex index, Vocabulary vocabulary, TextAnalysis analysis) throws IOException {
    this.index = index;
    this.source = new SuggestionEntries(vocabulary, analysis);
    rebuild();
    index.addRefreshListener(this);
  }

  /**
   * @param filters canonical facet values, as search takes them; when given, only values of trials
   *     within them are offered, counted there
   */
  public List<Suggestion> suggest(String prefix, int limit, String kind, Map<String, List<String>> filters) throws IOException {
    String text = prefix == null ? "" : prefix.strip();
    if (text.isEmpty()) throw new InvalidRequestException("q must not be empty");
    if (text.length() > MAX_PREFIX_LENGTH) throw new InvalidRequestException("q is longer than " + MAX_PREFIX_LENGTH + " characters");
    if (limit < 1 || limit > MAX_LIMIT) throw new InvalidRequestException("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
    if (kind != null && !KINDS.contains(kind)) {
      throw new InvalidRequestException("unknown kind '" + kind + "'; expected one of " + String.join(", ", KINDS));
    }
    List<SuggestionIndex.Found> found;
    swap.readLock().lock();
    try {
      found = current.find(text, kind, filters.isEmpty() ? limit : FILTERED_CANDIDATES);
    } finally {
      swap.readLock().unlock();
    }
    List<String> words = SuggestionIndex.words(text);
    if (filters.isEmpty()) {
      return found.stream().limit(limit).map(f -> suggestion(f, f.entry().count(), words)).toList();
    }
    return withinFilters(found, limit, filters, words);
  }

  private List<Suggestion> withinFilters(List<SuggestionIndex.Found> found, int limit, Map<String, List<String>> filters, List<String> words)
      throws IOException {
    Query selection = FacetFields.drillDown(new MatchAllDocsQuery(), filters);
    record Counted(SuggestionIndex.Found found, long count) {}
    List<Counted> counted = index.withSearcher(searcher -> {
      List<Counted> within = new ArrayList<>();
      for (SuggestionIndex.Found f : found) {
        int count = searcher.count(new BooleanQuery.Builder().add(selection, Occur.FILTER).add(f.entry().trials(), Occur.FILTER).build());
        if (count > 0) within.add(new Counted(f, count));
      }
      return within;
    });
    counted.sort(Comparator.comparing((Counted c) -> c.found().match()).thenComparing(c -> -c.count()));
    return counted.stream().limit(limit).map(c -> suggestion(c.found(), c.count(), words)).toList();
  }

  private static Suggestion suggestion(SuggestionIndex.Found found, long count, List<String> words) {
    String shown = found.matchedText().equals(found.entry().text())
        ? Highlight.marked(found.entry().text(), words)
        : Highlight.marked(found.matchedText(), words) + " → " + Highlight.escape(found.entry().text());
    return new Suggestion(found.entry().text(), found.entry().kind(), count, shown);
  }

  /** Rebuilds from the index as it is now, then swaps the new build in. */
  public void rebuild() throws IOException {
    long start = System.nanoTime();
    SuggestionIndex fresh = new SuggestionIndex(index.withSearcher(source::read));
    SuggestionIndex old;
    swap.writeLock().lock();
    try {
      old = current;
      current = fresh;
    } finally {
      swap.writeLock().unlock();
    }
    if (old != null) old.close();
    LOG.debug("Autocomplete rebuilt in {} ms", (System.nanoTime() - start) / 1_000_000);
  }

  @Override
  public void beforeRefresh() {}

  /**
   * Queues one rebuild after a refresh that changed the index, no sooner than {@link #MIN_GAP_NANOS}
   * after the last one started; refreshes meanwhile fold into it.
   */
  @Override
  public void afterRefresh(boolean didRefresh) {
    if (!didRefresh || !rebuildPending.compareAndSet(false, true)) return;
    long wait = Math.max(0, lastRebuild + MIN_GAP_NANOS - System.nanoTime());
    rebuilder.schedule(() -> {
      rebuildPending.set(false);
      lastRebuild = System.nanoTime();
      try {
        rebuild();
      } catch (IOException | RuntimeException e) {
        LOG.error("autocomplete rebuild failed; suggestions stay as they were", e);
      }
    }, wait, TimeUnit.NANOSECONDS);
  }

  @Override
  public void close() throws IOException {
    rebuilder.shutdownNow();
    swap.writeLock().lock();
    try {
      current.close();
    } finally {
      swap.writeLock().unlock();
    }
  }
}
