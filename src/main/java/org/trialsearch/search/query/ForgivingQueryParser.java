package org.trialsearch.search.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.queries.spans.SpanNearQuery;
import org.apache.lucene.queries.spans.SpanNotQuery;
import org.apache.lucene.queries.spans.SpanOrQuery;
import org.apache.lucene.queries.spans.SpanQuery;
import org.apache.lucene.queries.spans.SpanTermQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.RegexpQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;
import org.trialsearch.index.Fields;
import org.trialsearch.index.TextAnalysis;

/**
 * The default query language, which never fails on syntax: words (all must match), "quoted
 * phrases", {@code -word} or {@code NOT word} to exclude, {@code OR} between two pieces, and
 * {@code field:} prefixes. Medical text such as {@code CD19+}, {@code B-ALL}, {@code t(8;21)} or
 * {@code >= 18} is read as words: a piece that analyses to several tokens is searched as a phrase,
 * one that analyses to none is dropped. Unknown prefixes and stray brackets or quotes are text.
 */
public final class ForgivingQueryParser {

  /** How far apart a quoted phrase's words may stand, per word, when it has no exact match. */
  private static final int LOOSE_SLOP_PER_WORD = 2;
  /** How much an exact phrase, and a trial with every word, weigh above their loose matches. */
  private static final float EXACT_BOOST = 4f;

  /**
   * What a match in a criteria half weighs when the record had no inclusion and exclusion headings
   * and the half is read from each criterion's wording: a stated heading is the firmer evidence.
   */
  private static final float INFERRED_HALF_WEIGHT = 0.5f;
  /**
   * What letters of several senses weigh in a trial that writes none of them out: they may mean
   * anything there, and trials that say which sense come first.
   */
  private static final float UNEXPLAINED_WEIGHT = 0.25f;

  /** Where a word may be named in passing; {@code criteria} holds the exclusions too. */
  private static final List<String> PASSING_FIELDS = List.of(Fields.SUMMARY, Fields.EXCLUSION, Fields.CRITERIA);

  private static final List<String> PROXIMITY_FIELDS = List.of(Fields.TITLE, Fields.CONDITION, Fields.SUMMARY);
  private static final int PROXIMITY_SLOP = 3;
  private static final float PROXIMITY_BOOST = 3f;

  /**
   * How pieces become queries: with synonyms or as written, over which weighted fields. A query
   * that would expand past the searcher's clause limit (a long title full of abbreviations that
   * each have synonyms) is built again more narrowly rather than refused.
   */
  private record Mode(QueryBuilder synonyms, QueryBuilder asWritten, Map<String, Float> weights, Map<String, Optional<Query>> built) {
    /** A mode as configured; each parse searches with its own copy ({@link #forOneParse}). */
    Mode(QueryBuilder synonyms, Map<String, Float> weights) {
      this(synonyms, null, weights, null);
    }

    /** Whether this mode adds the synonyms of the words to what it searches. */
    boolean expands() {
      return synonyms != asWritten;
    }

    /**
     * This mode for one parse, remembering the query of each word or phrase in each field (a piece
     * is searched strictly, loosely and for evidence), with builders that build each text's query,
     * as written and with synonyms, once for all the fields.
     */
    Mode forOneParse(QueryBuilder written) {
      QueryBuilder once = new OnceAnalysed(written);
      return new Mode(synonyms == written ? once : new OnceAnalysed(synonyms), once, weights, new HashMap<>());
    }

    Mode over(Map<String, Float> otherWeights) {
      return new Mode(synonyms, asWritten, otherWeights, built);
    }
  }

  /** Share of the searcher's clause limit a query may take: rewriting may add some. */
  private static final double CLAUSE_HEADROOM = 0.75;
  /** The fields a query that is too long for every weighted field searches: the heaviest ones. */
  private static final int NARROW_FIELDS = 3;

  private final QueryBuilder asWritten;
  private final List<Mode> modes;
  private final TextAnalysis analysis;
  private final OtherSenses otherSenses;
  /** The most words a vocabulary name typed without quotes is looked up with. */
  private static final int LONGEST_NAME = 6;

  public ForgivingQueryParser(TextAnalysis analysis, FieldWeights weights) {
    this.analysis = analysis;
    this.otherSenses = new OtherSenses(analysis);
    this.asWritten = new QueryBuilder(analysis.plain());
    QueryBuilder withSynonyms = new QueryBuilder(weights.synonyms() ? analysis.withSynonyms() : analysis.plain());
    withSynonyms.setAutoGenerateMultiTermSynonymsPhraseQuery(true);
    Map<String, Float> heaviest = new LinkedHashMap<>();
    weights.weights().entrySet().stream().filter(e -> !e.getKey().equals(Fields.ID))
        .sorted(Map.Entry.<String, Float>comparingByValue().reversed()).limit(NARROW_FIELDS)
        .forEach(e -> heaviest.put(e.getKey(), e.getValue()));
    this.modes = List.of(new Mode(withSynonyms, weights.weights()), new Mode(asWritten, weights.weights()), new Mode(asWritten, heaviest));
  }

  /**
   * The query for a text: with synonyms over every weighted field; past the clause limit, as
   * written; then over the heaviest fields; then as many of its pieces, from the first, as fit.
   */
  public ParsedQuery parse(String text) {
    List<List<Piece>> groups = TokenForms.of(QueryLexer.groups(names(QueryLexer.lex(text))), this::indexedAsWritten);
    for (Mode mode : modes) {
      ParsedQuery query = parse(groups, mode.forOneParse(asWritten));
      if (fits(query)) return query;
    }
    Mode narrowest = modes.get(modes.size() - 1).forOneParse(asWritten);
    for (int kept = groups.size() - 1; kept > 1; kept--) {
      ParsedQuery query = parse(groups.subList(0, kept), narrowest);
      if (fits(query)) return query;
    }
    return parse(groups.subList(0, 1), narrowest);
  }

  private ParsedQuery parse(List<List<Piece>> groups, Mode mode) {
    List<Query> required = new ArrayList<>();
    List<Query> loose = new ArrayList<>();
    List<Query> excluded = new ArrayList<>();
    for (List<Piece> group : groups) {
      if (group.size() == 1 && group.get(0).negated()) {
        Query q = pieceQuery(group.get(0), mode, false);
        if (q != null) excluded.add(q);
      } else {
        Query q = anyOf(group, mode, false);
        if (q != null) {
          required.add(q);
          loose.add(anyOf(group, mode, true));
        }
      }
    }
    Query proximity = proximity(groups, mode);
    Query strict = withProximity(combine(required, excluded, required.size()), proximity);
    boolean loosens = groups.stream().flatMap(List::stream).anyMatch(p -> p.quoted() && !p.negated());
    Query evidenced = evidenced(strict, groups, mode);
    if (required.size() < 2 && !loosens) return new ParsedQuery(strict, null, evidenced);
    // most of the pieces, a quoted phrase's words close together; trials with every piece as written first
    Query relaxed = new BooleanQuery.Builder()
        .add(new MostPiecesQuery(loose, excluded, loosens), Occur.MUST)
        .add(new BoostQuery(strict, EXACT_BOOST), Occur.SHOULD).build();
    return new ParsedQuery(strict, withProximity(relaxed, proximity), evidenced);
  }

  /**
   * The strict query kept to trials that name each of its words where a trial says what it is
   * about or whom it takes (title, conditions, interventions, keywords, sponsor, inclusion
   * criteria). A summary that names a word once in passing ("complications such as cytokine
   * release syndrome") or an exclusion of it is the weakest evidence there is.
   * Null when a piece names its field (the user then said where to look), or past the clause limit.
   */
  private Query evidenced(Query strict, List<List<Piece>> groups, Mode mode) {
    if (groups.stream().flatMap(List::stream).anyMatch(p -> p.field() != null)) return null;
    Map<String, Float> firm = new LinkedHashMap<>(mode.weights());
    PASSING_FIELDS.forEach(firm::remove);
    Mode firmly = mode.over(firm);
    BooleanQuery.Builder evidenced = new BooleanQuery.Builder().add(strict, Occur.MUST);
    boolean any = false;
    for (List<Piece> group : groups) {
      if (group.size() == 1 && group.get(0).negated()) continue;
      Query named = anyOf(group, firmly, false);
      if (named == null) return null;
      evidenced.add(named, Occur.FILTER);
      any = true;
    }
    if (!any) return null;
    Query built = evidenced.build();
    return clauses(built) <= IndexSearcher.getMaxClauseCount() * CLAUSE_HEADROOM ? built : null;
  }

  private static boolean fits(ParsedQuery query) {
    int limit = (int) (IndexSearcher.getMaxClauseCount() * CLAUSE_HEADROOM);
    return clauses(query.strict()) <= limit && (query.relaxed() == null || clauses(query.relaxed()) <= limit);
  }

  /** The clauses of a query as the searcher counts them: each leaf and each group of terms. */
  static int clauses(Query query) {
    int[] count = {0};
    query.visit(new QueryVisitor() {
      @Override
      public QueryVisitor getSubVisitor(Occur occur, Query parent) {
        return this;
      }

      @Override
      public void visitLeaf(Query leaf) {
        count[0]++;
      }

      @Override
      public void consumeTerms(Query leaf, Term... terms) {
        count[0]++;
      }
    });
    return count[0];
  }

  /**
   * Trials whose title, conditions or summary hold the query's plain words close together rank
   * higher ("hepatitis B vaccine" as words in a row beats the three words apart).
   */
  private static Query proximity(List<List<Piece>> groups, Mode mode) {
    List<String> words = groups.stream().filter(g -> g.size() == 1 && g.get(0).field() == null && !g.get(0).negated())
        .map(g -> g.get(0).text()).toList();
    if (words.size() < 2) return null;
    String text = String.join(" ", words);
    List<Query> perField = new ArrayList<>();
    for (String field : PROXIMITY_FIELDS) {
      Query phrase = mode.asWritten().createPhraseQuery(field, text, PROXIMITY_SLOP);
      if (phrase != null) perField.add(phrase);
    }
    return perField.isEmpty() ? null : new BoostQuery(new DisjunctionMaxQuery(perField, 0.1f), PROXIMITY_BOOST);
  }

  private static Query withProximity(Query query, Query proximity) {
    if (proximity == null || query instanceof MatchAllDocsQuery) return query;
    return new BooleanQuery.Builder().add(query, Occur.MUST).add(proximity, Occur.SHOULD).build();
  }

  private static Query combine(List<Query> required, List<Query> excluded, int minimumMatch) {
    if (required.isEmpty() && excluded.isEmpty()) return new MatchAllDocsQuery();
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    if (required.isEmpty()) query.add(new MatchAllDocsQuery(), Occur.MUST);
    boolean all = minimumMatch >= required.size();
    for (Query q : required) query.add(q, all ? Occur.MUST : Occur.SHOULD);
    if (!all) query.setMinimumNumberShouldMatch(minimumMatch);
    for (Query q : excluded) query.add(q, Occur.MUST_NOT);
    return query.build();
  }

  private Query anyOf(List<Piece> group, Mode mode, boolean loose) {
    List<Query> alternatives = group.stream().map(p -> pieceQuery(p.positive(), mode, loose))
        .filter(q -> q != null).toList();
    if (alternatives.isEmpty()) return null;
    if (alternatives.size() == 1) return alternatives.get(0);
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    alternatives.forEach(q -> any.add(q, Occur.SHOULD));
    return any.build();
  }

  /**
   * A piece over its field, or the best of the weighted fields; null when it has no searchable
   * word. Not in trials that define its abbreviation in a sense of their own: "CP" is not about
   * Chuvash polycythemia in a record that writes "Chuvash polycythemia (CP)", though the letters
   * match, nor is "traumatic brain injury" in one that writes "total body irradiation (TBI)". Such
   * a trial still answers a query that names it otherwise, with most of its words. Letters of
   * several senses weigh less in a trial that writes none of them out.
   */
  private Query pieceQuery(Piece piece, Mode mode, boolean loose) {
    Query matched = matchQuery(piece, mode, loose);
    if (matched == null) return null;
    Query explainingNone = otherSenses.explainingNone(piece.text());
    if (explainingNone != null) matched = FunctionScoreQuery.boostByQuery(matched, explainingNone, UNEXPLAINED_WEIGHT);
    Query otherwise = otherSenses.definingOtherwise(piece.text());
    if (otherwise == null) return matched;
    return new BooleanQuery.Builder().add(matched, Occur.MUST).add(otherwise, Occur.MUST_NOT).build();
  }

  /**
   * A piece as {@link #pieceQuery} searches it. Loose, a quoted phrase also matches its words a few
   * words apart ("hepatitis A, B, or C" for "hepatitis B", "ECOG 0 or 1" for "ECOG 0-1"), its
   * exact matches weighing more.
   */
  private Query matchQuery(Piece piece, Mode mode, boolean loose) {
    Query exact = pieceQuery(piece, mode, 0);
    if (!loose || !piece.quoted() || exact == null) return exact;
    int words = piece.text().trim().split("\\s+|-").length;
    if (words < 2) return exact;
    Query sloppy = pieceQuery(piece, mode, LOOSE_SLOP_PER_WORD * words);
    return new BooleanQuery.Builder().add(sloppy, Occur.MUST).add(new BoostQuery(exact, EXACT_BOOST), Occur.SHOULD).build();
  }

  private Query pieceQuery(Piece piece, Mode mode, int slop) {
    if (piece.numberedFamily()) return familyQuery(piece, mode);
    if (Fields.EXCLUSION.equals(piece.field())) return excluding(piece, mode, slop);
    if (piece.field() != null) return namedFieldQuery(piece.field(), piece.text(), mode, slop);
    List<Query> perField = new ArrayList<>();
    for (Map.Entry<String, Float> weighted : mode.weights().entrySet()) {
      String field = weighted.getKey();
      if (field.equals(Fields.ID) && !looksLikeId(piece.text())) continue;
      Query q = fieldQuery(field, piece.text(), mode, slop);
      if (q != null) perField.add(new BoostQuery(q, weighted.getValue()));
    }
    if (perField.isEmpty()) return null;
    return new DisjunctionMaxQuery(perField, 0.1f);
  }

  /** The word followed by a number in each field ("brca1", "brca2" for BRCA), the field's weight the score. */
  private static Query familyQuery(Piece piece, Mode mode) {
    String members = piece.text().toLowerCase(Locale.ROOT) + "[0-9]{1,2}";
    if (piece.field() != null) return new RegexpQuery(new Term(piece.field(), members));
    List<Query> perField = new ArrayList<>();
    mode.weights().forEach((field, weight) -> {
      if (!field.equals(Fields.ID)) perField.add(new BoostQuery(new RegexpQuery(new Term(field, members)), weight));
    });
    return new DisjunctionMaxQuery(perField, 0.1f);
  }

  /**
   * Trials that exclude patients with this. A trial whose own condition it is (a trial of sickle
   * cell disease whose criteria exclude unstable sickle cell anemia) keeps nobody with it out: its
   * exclusions only narrow who with it may join, so it is not among them. A title naming it
   * ("B7-H3 CAR-T for glioblastoma", excluding prior CAR-T) names the treatment as often, so only
   * the conditions count.
   */
  private Query excluding(Piece piece, Mode mode, int slop) {
    Query excluded = namedFieldQuery(Fields.EXCLUSION, piece.text(), mode, slop);
    Query ownCondition = fieldQuery(Fields.CONDITION, piece.text(), mode, slop);
    if (excluded == null || ownCondition == null) return excluded;
    return new BooleanQuery.Builder().add(excluded, Occur.MUST).add(ownCondition, Occur.MUST_NOT).build();
  }

  /**
   * A piece in the field its query names. In a criteria half (inclusion:, exclusion:), a match in a
   * half read from the wording of a record without headings weighs less than one under a stated
   * heading. Words without a field are not weighed so: there the title, conditions and
   * interventions decide, and the extra look-up would cost every search.
   */
  private Query namedFieldQuery(String field, String text, Mode mode, int slop) {
    Query matched = fieldQuery(field, text, mode, slop);
    if (matched == null || !(field.equals(Fields.INCLUSION) || field.equals(Fields.EXCLUSION))) return matched;
    return FunctionScoreQuery.boostByQuery(matched, new TermQuery(new Term(Fields.CRITERIA_READ, Fields.CRITERIA_INFERRED)), INFERRED_HALF_WEIGHT);
  }

  /**
   * The words with their synonyms must match; the words as written add to the score, so trials
   * that name what was asked rank above those found through a synonym. Not the letters of an
   * abbreviation of several senses: "RA" in a record may be the refractory anaemia a trial of
   * rheumatoid arthritis does not mean.
   */
  private Query fieldQuery(String field, String text, Mode mode, int slop) {
    String key = field + '\u0000' + slop + '\u0000' + text;
    return mode.built().computeIfAbsent(key, k -> Optional.ofNullable(analysedFieldQuery(field, text, mode, slop))).orElse(null);
  }

  private Query analysedFieldQuery(String field, String text, Mode mode, int slop) {
    Query phrase = mode.asWritten().createPhraseQuery(field, text, slop);
    if (slop > 0 && phrase instanceof PhraseQuery value && endsInSmallNumber(value)) return valueNotListedOn(value);
    Query written = slop == 0 ? PhrasePairs.of(phrase) : phrase;
    if (!mode.expands()) return written;
    Query expanded;
    try {
      expanded = mode.synonyms().createPhraseQuery(field, text, slop);
    } catch (IndexSearcher.TooManyClauses e) {
      return written; // a long phrase of words that each have many synonyms: search it as written
    }
    if (expanded == null || expanded.equals(phrase)) return written;
    if (analysis.ambiguousLetters().contains(text.strip())) return expanded; // letters of several senses are no surer than a sense
    BooleanQuery.Builder both = new BooleanQuery.Builder().add(expanded, Occur.MUST);
    if (written != null) both.add(written, Occur.SHOULD);
    return both.build();
  }

  /** The numbers a scale's value is written with ("ECOG 0-1", "grade 2"): a list of them may go on to another. */
  private static final Set<String> SMALL_NUMBERS = IntStream.rangeClosed(0, 10).mapToObj(String::valueOf).collect(Collectors.toUnmodifiableSet());
  /** How near after a loosened value another number continues its list ("0, 1, or 2"). */
  private static final int LIST_GOES_ON = 3;

  private static boolean endsInSmallNumber(PhraseQuery phrase) {
    Term[] terms = phrase.getTerms();
    return terms.length > 1 && SMALL_NUMBERS.contains(terms[terms.length - 1].text());
  }

  /**
   * A loosened phrase that ends in a value of a scale: its words in order, a few apart ("ECOG 0 or
   * 1" for "ECOG 0-1"), but not in a list that goes on to another value ("ECOG 0, 1, or 2" is
   * ECOG 0-2).
   */
  private static Query valueNotListedOn(PhraseQuery phrase) {
    Term[] terms = phrase.getTerms();
    String field = terms[0].field();
    SpanQuery[] words = Arrays.stream(terms).map(SpanTermQuery::new).toArray(SpanQuery[]::new);
    Set<String> own = Arrays.stream(terms).map(Term::text).collect(Collectors.toSet());
    SpanQuery[] otherValues = SMALL_NUMBERS.stream().filter(n -> !own.contains(n)).sorted()
        .map(n -> new SpanTermQuery(new Term(field, n))).toArray(SpanQuery[]::new);
    return new SpanNotQuery(new SpanNearQuery(words, phrase.getSlop(), true), new SpanOrQuery(otherValues), 0, LIST_GOES_ON);
  }

  /** Whether a word is indexed as itself in lower case, not kept apart as an abbreviation. */
  private boolean indexedAsWritten(String word) {
    return analysis.terms(word).equals(List.of(word.toLowerCase(Locale.ROOT)));
  }

  private static boolean looksLikeId(String text) {
    return text.chars().anyMatch(Character::isDigit) && text.chars().noneMatch(Character::isWhitespace);
  }

  /**
   * Words in a row that together are a name of the vocabulary ("idecabtagene vicleucel", "large
   * B-cell lymphoma"), longest first, become one piece, as if quoted: the name's synonyms and the
   * antigen of a product then count, as they do for the quoted name. A field named before the
   * first word holds for the whole name ("exclusion:proton pump inhibitors"), and so does a minus.
   */
  private List<Object> names(List<Object> tokens) {
    List<Object> out = new ArrayList<>();
    int i = 0;
    while (i < tokens.size()) {
      int longest = 0;
      for (int n = Math.min(LONGEST_NAME, tokens.size() - i); n >= 2 && longest == 0; n--) {
        if (nameWords(tokens.subList(i, i + n)) && analysis.isMultiWordName(analysis.terms(joined(tokens.subList(i, i + n))))) longest = n;
      }
      if (longest == 0) {
        out.add(tokens.get(i++));
      } else {
        Piece first = (Piece) tokens.get(i);
        out.add(new Piece(first.field(), joined(tokens.subList(i, i + longest)), first.negated(), false, false));
        i += longest;
      }
    }
    return out;
  }

  /** Unquoted words, the first of which alone may name a text field or be negated. */
  private static boolean nameWords(List<Object> tokens) {
    return tokens.get(0) instanceof Piece first && !first.quoted() && !first.numberedFamily()
        && (first.field() == null || Fields.PAIRED_FIELDS.contains(first.field())) && plainWords(tokens.subList(1, tokens.size()));
  }

  private static boolean plainWords(List<Object> tokens) {
    return tokens.stream().allMatch(t -> t instanceof Piece p && p.field() == null && !p.negated() && !p.quoted());
  }

  private static String joined(List<Object> pieces) {
    return String.join(" ", pieces.stream().map(p -> ((Piece) p).text()).toList());
  }
}
