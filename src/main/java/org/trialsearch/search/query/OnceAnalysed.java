package org.trialsearch.search.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.AttributeSource;
import org.apache.lucene.util.QueryBuilder;
import org.trialsearch.index.Fields;

/**
 * A query builder for one parse that analyses each text once for all the text fields: they share
 * one analysis chain, and a query's pieces, built over every weighted field strictly, loosely and
 * for evidence, were otherwise analysed dozens of times. What a text builds in one field is built
 * in the next by naming that field in its terms; shapes this does not know are built from the
 * text's tokens again. Ids and pairs fields have chains of their own and are analysed as usual.
 * Not shared between threads.
 */
final class OnceAnalysed extends QueryBuilder {

  private final Map<String, Tokens> analysed = new HashMap<>();
  /** The query each text, with its operator, quoting and slop, built first, and in which field. */
  private final Map<String, Built> built = new HashMap<>();

  private record Built(String field, Query query) {}

  /** A builder with the analyzer and settings of {@code like}. */
  OnceAnalysed(QueryBuilder like) {
    super(like.getAnalyzer());
    setEnablePositionIncrements(like.getEnablePositionIncrements());
    setEnableGraphQueries(like.getEnableGraphQueries());
    setAutoGenerateMultiTermSynonymsPhraseQuery(like.getAutoGenerateMultiTermSynonymsPhraseQuery());
  }

  @Override
  protected Query createFieldQuery(Analyzer analyzer, BooleanClause.Occur operator, String field, String queryText, boolean quoted, int phraseSlop) {
    if (!Fields.PAIRED_FIELDS.contains(field)) return super.createFieldQuery(analyzer, operator, field, queryText, quoted, phraseSlop);
    String key = operator + "\u0000" + quoted + "\u0000" + phraseSlop + "\u0000" + queryText;
    Built first = built.get(key);
    if (first != null) {
      if (first.query() == null) return null;
      Query moved = QueryFields.moved(first.query(), first.field(), field);
      if (moved != null) return moved;
    }
    Tokens tokens = analysed.computeIfAbsent(queryText, text -> Tokens.of(analyzer, field, text));
    try (TokenStream replayed = tokens.replay()) {
      Query query = createFieldQuery(replayed, operator, field, quoted, phraseSlop);
      built.putIfAbsent(key, new Built(field, query));
      return query;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The tokens of one analysis, every attribute of each kept, and the state after the last. */
  private record Tokens(AttributeSource attributes, List<AttributeSource.State> states, AttributeSource.State end) {

    static Tokens of(Analyzer analyzer, String field, String text) {
      try (TokenStream stream = analyzer.tokenStream(field, text)) {
        List<AttributeSource.State> states = new ArrayList<>();
        stream.reset();
        while (stream.incrementToken()) states.add(stream.captureState());
        stream.end();
        return new Tokens(stream.cloneAttributes(), states, stream.captureState());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    TokenStream replay() {
      return new Replay(attributes.cloneAttributes(), states, end);
    }
  }

  private static final class Replay extends TokenStream {
    private final List<AttributeSource.State> states;
    private final AttributeSource.State end;
    private int next;

    Replay(AttributeSource attributes, List<AttributeSource.State> states, AttributeSource.State end) {
      super(attributes);
      this.states = states;
      this.end = end;
    }

    @Override
    public boolean incrementToken() {
      if (next == states.size()) return false;
      restoreState(states.get(next++));
      return true;
    }

    @Override
    public void end() throws IOException {
      super.end();
      restoreState(end);
    }

    @Override
    public void reset() {
      next = 0;
    }
  }
}
