package org.trialsearch.search;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.search.ReferenceManager;
import org.apache.lucene.search.suggest.Lookup.LookupResult;
import org.apache.lucene.search.suggest.analyzing.AnalyzingInfixSuggester;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trialsearch.index.Fields;
import org.trialsearch.index.TrialIndex;
import org.trialsearch.index.TrialSearcher;

/**
 * Autocomplete over the values trials hold (conditions, interventions, antigens, sponsors,
 * titles), matching at the start of any word of a value, ranked by how many trials carry it. Built
 * from the index and rebuilt in the background after each index refresh; lookups use the previous
 * build until the new one is ready.
 */
public final class Suggestions implements ReferenceManager.RefreshListener, Closeable {

  /** A suggested value, what kind of value it is, and how many trials carry it. */
  public record Suggestion(String text, String kind, long count) {}

  public static final List<String> KINDS = List.of("condition", "intervention", "antigen", "sponsor", "title");
  public static final int MAX_LIMIT = 50;
  public static final int MAX_PREFIX_LENGTH = 100;

  private static final Logger LOG = LoggerFactory.getLogger(Suggestions.class);

  private record Entry(String text, String kind, long count) {}

  private final TrialIndex index;
  private final ExecutorService rebuilder = Executors.newSingleThreadExecutor(r -> {
    Thread thread = new Thread(r, "suggestions-rebuild");
    thread.setDaemon(true);
    return thread;
  });
  private final AtomicBoolean rebuildPending = new AtomicBoolean();
  private final ReadWriteLock swap = new ReentrantReadWriteLock();
  private AnalyzingInfixSuggester current;

  public Suggestions(TrialIndex index) throws IOException {
    this.index = index;
    rebuild();
    index.addRefreshListener(this);
  }

  public List<Suggestion> suggest(String prefix, int limit, String kind) throws IOException {
    String text = prefix == null ? "" : prefix.strip();
    if (text.isEmpty()) throw new InvalidRequestException("q must not be empty");
    if (text.length() > MAX_PREFIX_LENGTH) throw new InvalidRequestException("q is longer than " + MAX_PREFIX_LENGTH + " characters");
    if (limit < 1 || limit > MAX_LIMIT) throw new InvalidRequestException("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
    if (kind != null && !KINDS.contains(kind)) {
      throw new InvalidRequestException("unknown kind '" + kind + "'; expected one of " + String.join(", ", KINDS));
    }
    Set<BytesRef> contexts = kind == null ? null : Set.of(new BytesRef(kind));
    swap.readLock().lock();
    try {
      List<Suggestion> out = new ArrayList<>();
      for (LookupResult r : current.lookup(text, contexts, limit, true, false)) {
        out.add(new Suggestion(r.key.toString(), r.payload.utf8ToString(), r.value));
      }
      return out;
    } finally {
      swap.readLock().unlock();
    }
  }

  /** Rebuilds from the index as it is now, then swaps the new build in. */
  public void rebuild() throws IOException {
    AnalyzingInfixSuggester fresh = build(entries());
    AnalyzingInfixSuggester old;
    swap.writeLock().lock();
    try {
      old = current;
      current = fresh;
    } finally {
      swap.writeLock().unlock();
    }
    if (old != null) old.close();
  }

  @Override
  public void beforeRefresh() {}

  /** Queues one rebuild after a refresh that changed the index; refreshes during a rebuild fold into the next one. */
  @Override
  public void afterRefresh(boolean didRefresh) {
    if (!didRefresh || !rebuildPending.compareAndSet(false, true)) return;
    rebuilder.submit(() -> {
      rebuildPending.set(false);
      try {
        rebuild();
      } catch (IOException | RuntimeException e) {
        LOG.error("autocomplete rebuild failed; suggestions stay as they were", e);
      }
    });
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

  private List<Entry> entries() throws IOException {
    TrialSearcher searcher = index.acquire();
    try {
      List<Entry> entries = new ArrayList<>();
      collect(entries, searcher.facetState(), Fields.ANTIGEN, "antigen");
      collect(entries, searcher.suggestState(), Fields.SUGGEST_CONDITION, "condition");
      collect(entries, searcher.suggestState(), Fields.SUGGEST_INTERVENTION, "intervention");
      collect(entries, searcher.suggestState(), Fields.SUGGEST_SPONSOR, "sponsor");
      collect(entries, searcher.suggestState(), Fields.SUGGEST_TITLE, "title");
      return entries;
    } finally {
      index.release(searcher);
    }
  }

  /** Every value of a dimension with the number of trials that carry it. */
  private static void collect(List<Entry> entries, SortedSetDocValuesReaderState state, String dim, String kind) throws IOException {
    if (state == null || state.getOrdRange(dim) == null) return;
    FacetResult all = new SortedSetDocValuesFacetCounts(state).getAllChildren(dim);
    if (all == null) return;
    for (LabelAndValue lv : all.labelValues) {
      if (!lv.label.equals(Fields.NOT_STATED)) entries.add(new Entry(lv.label, kind, lv.value.longValue()));
    }
  }

  private static AnalyzingInfixSuggester build(List<Entry> entries) throws IOException {
    Analyzer analyzer = words();
    AnalyzingInfixSuggester suggester = new AnalyzingInfixSuggester(new ByteBuffersDirectory(), analyzer, analyzer,
        AnalyzingInfixSuggester.DEFAULT_MIN_PREFIX_CHARS, true, true, false);
    suggester.build(new EntryIterator(entries));
    return suggester;
  }

  /** Words as written, accents folded and lower-cased, no stemming: a prefix must match what people see. */
  private static Analyzer words() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream stream = new LowerCaseFilter(new ASCIIFoldingFilter(source));
        return new TokenStreamComponents(source, stream);
      }
    };
  }

  /** Feeds entries to the suggester: text as key, trial count as weight, kind as payload and context. */
  private static final class EntryIterator implements org.apache.lucene.search.suggest.InputIterator {
    private final java.util.Iterator<Entry> entries;
    private Entry current;

    EntryIterator(List<Entry> entries) {
      this.entries = entries.iterator();
    }

    @Override
    public BytesRef next() {
      if (!entries.hasNext()) return null;
      current = entries.next();
      return new BytesRef(current.text());
    }

    @Override
    public long weight() {
      return current.count();
    }

    @Override
    public BytesRef payload() {
      return new BytesRef(current.kind().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean hasPayloads() {
      return true;
    }

    @Override
    public Set<BytesRef> contexts() {
      return Set.of(new BytesRef(current.kind().toLowerCase(Locale.ROOT)));
    }

    @Override
    public boolean hasContexts() {
      return true;
    }
  }
}
