package org.trialsearch.search.query;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;

/** A query of the shapes a query builder makes, moved from one field to another. */
final class QueryFields {

  private QueryFields() {}

  /**
   * The query with each of its terms in field {@code to} instead of {@code from}; null when it holds
   * a shape other than words, synonyms, phrases, boosts and their combinations, or a term of
   * another field.
   */
  static Query moved(Query query, String from, String to) {
    return switch (query) {
      case TermQuery word -> word.getTerm().field().equals(from) ? new TermQuery(in(to, word.getTerm())) : null;
      case SynonymQuery synonyms -> synonyms(synonyms, from, to);
      case PhraseQuery phrase -> phrase(phrase, from, to);
      case MultiPhraseQuery phrase -> multiPhrase(phrase, from, to);
      case BoostQuery boosted -> {
        Query inner = moved(boosted.getQuery(), from, to);
        yield inner == null ? null : new BoostQuery(inner, boosted.getBoost());
      }
      case BooleanQuery any -> bool(any, from, to);
      default -> null;
    };
  }

  private static Term in(String field, Term term) {
    return new Term(field, term.bytes());
  }

  private static Query synonyms(SynonymQuery synonyms, String from, String to) {
    if (!synonyms.getField().equals(from)) return null;
    SynonymQuery.Builder moved = new SynonymQuery.Builder(to);
    synonyms.getTerms().forEach(term -> moved.addTerm(in(to, term)));
    return moved.build();
  }

  private static Query phrase(PhraseQuery phrase, String from, String to) {
    if (!phrase.getField().equals(from)) return null;
    PhraseQuery.Builder moved = new PhraseQuery.Builder().setSlop(phrase.getSlop());
    Term[] terms = phrase.getTerms();
    int[] positions = phrase.getPositions();
    for (int i = 0; i < terms.length; i++) moved.add(in(to, terms[i]), positions[i]);
    return moved.build();
  }

  private static Query multiPhrase(MultiPhraseQuery phrase, String from, String to) {
    MultiPhraseQuery.Builder moved = new MultiPhraseQuery.Builder().setSlop(phrase.getSlop());
    Term[][] choices = phrase.getTermArrays();
    int[] positions = phrase.getPositions();
    for (int i = 0; i < choices.length; i++) {
      Term[] at = new Term[choices[i].length];
      for (int k = 0; k < at.length; k++) {
        if (!choices[i][k].field().equals(from)) return null;
        at[k] = in(to, choices[i][k]);
      }
      moved.add(at, positions[i]);
    }
    return moved.build();
  }

  private static Query bool(BooleanQuery any, String from, String to) {
    BooleanQuery.Builder moved = new BooleanQuery.Builder().setMinimumNumberShouldMatch(any.getMinimumNumberShouldMatch());
    for (BooleanClause clause : any.clauses()) {
      Query inner = moved(clause.query(), from, to);
      if (inner == null) return null;
      moved.add(inner, clause.occur());
    }
    return moved.build();
  }
}
