package org.trialsearch.search.query;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.queryparser.classic.Token;
import org.apache.lucene.queryparser.classic.TokenMgrError;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;
import org.trialsearch.error.InvalidRequestException;

/**
 * Lucene's full query syntax ({@code syntax=lucene}) over the same fields and weights. An invalid
 * query is an {@link InvalidRequestException} that gives the column of the error.
 */
public final class StrictQueryParser {

  private static final Pattern COLUMN = Pattern.compile("column (\\d+)");

  private final Analyzer analyzer;
  private final FieldWeights weights;

  public StrictQueryParser(Analyzer analyzer, FieldWeights weights) {
    this.analyzer = analyzer;
    this.weights = weights;
  }

  public ParsedQuery parse(String text) {
    // The classic parser keeps state while parsing, so each query gets its own.
    MultiFieldQueryParser parser =
        new MultiFieldQueryParser(weights.weights().keySet().toArray(String[]::new), analyzer, weights.weights());
    parser.setDefaultOperator(QueryParser.Operator.AND);
    parser.setSplitOnWhitespace(true);
    // wildcard, prefix and regular-expression terms expand into at most the clause limit of terms,
    // looked up while rewriting (under the search's deadline) rather than while scoring
    parser.setMultiTermRewriteMethod(MultiTermQuery.CONSTANT_SCORE_BOOLEAN_REWRITE);
    try {
      Query query = parser.parse(text);
      return new ParsedQuery(query, null);
    } catch (ParseException e) {
      throw new InvalidRequestException("invalid query: " + firstLine(e.getMessage()), column(e));
    } catch (TokenMgrError e) {
      throw new InvalidRequestException("invalid query: " + firstLine(e.getMessage()), column(e.getMessage()));
    } catch (IllegalArgumentException | TooComplexToDeterminizeException e) {
      // a /regular expression/ that does not parse, or one too large to run
      throw new InvalidRequestException("invalid query: " + firstLine(e.getMessage()));
    }
  }

  private static Integer column(ParseException e) {
    Token current = e.currentToken;
    if (current != null && current.next != null && current.next.beginColumn > 0) return current.next.beginColumn;
    return column(e.getMessage());
  }

  private static Integer column(String message) {
    if (message == null) return null;
    Matcher m = COLUMN.matcher(message);
    return m.find() ? Integer.valueOf(m.group(1)) : null;
  }

  private static String firstLine(String message) {
    if (message == null) return "syntax error";
    int newline = message.indexOf('\n');
    return (newline < 0 ? message : message.substring(0, newline)).strip();
  }
}
