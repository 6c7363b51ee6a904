package org.trialsearch.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Reader;
import java.io.StringReader;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;
import org.apache.lucene.analysis.shingle.ShingleFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.trialsearch.config.ConfigException;
import org.trialsearch.vocabulary.SynonymGroups;
import org.trialsearch.vocabulary.Vocabulary;

/**
 * The analysis chains, built once from the vocabulary and used for indexing, query parsing and
 * highlighting alike. English text: dots inside names and colons between words made spaces, standard tokens, possessives off, case-sensitive words marked
 * ("ALL"), accents folded (Waldenström = Waldenstrom), lower case, British spellings American
 * (tumour = tumor), English stop words, KStem
 * (plural and tense endings, gentler on medical words than Porter). Ids: whole value, lower case.
 * Queries may add synonyms: a graph filter, so multi-word synonyms also work inside phrases.
 */
public final class TextAnalysis {

  /**
   * A dot that joins names ("CD30.CAR-T", "B7-H3.CD28Z"), not digits ("1.5"), and a colon between
   * words ("Performance status:Karnofsky", which the standard tokenizer keeps as one word): the parts
   * are words of their own.
   */
  private static final Pattern JOINED_WORDS = Pattern.compile("(?<=\\p{L})[.:](?=[\\p{L}\\p{N}])|(?<=\\p{N})\\.(?=\\p{L})");

  /**
   * "Prior to" says when ("within 2 weeks prior to CAR-T infusion"), "prior" alone what was before
   * ("prior CAR-T therapy"): read as one word, "prior_to", a search for prior CAR-T does not find
   * every trial that times something by its infusion. The same length, so offsets hold.
   */
  private static final Pattern PRIOR_TO = Pattern.compile("(?i)\\bprior[ ]to\\b");

  /**
   * A case-sensitive word joined by a hyphen to a number is a code name, not the word: "MS-325" (a
   * contrast agent) is not multiple sclerosis, "PE-38" (an exotoxin) not pulmonary embolism. The
   * hyphen becomes an underscore, which the tokenizer keeps inside one word ("ms_325"); the same
   * length, so offsets hold.
   */
  private static Pattern codeNames(Set<String> caseSensitiveWords) {
    if (caseSensitiveWords.isEmpty()) return null;
    String words = caseSensitiveWords.stream().sorted().map(Pattern::quote).collect(Collectors.joining("|"));
    return Pattern.compile("-(?=\\d)(?<=\\b(?:" + words + ")-)"); // the hyphen first: most text has none before a digit
  }

  private final Set<String> caseSensitiveWords;
  private final SynonymMap synonyms;
  private final Analyzer words;
  private final Set<String> multiWordNames;
  private final Map<String, List<String>> senses;
  private final Set<String> ambiguousLetters;

  private TextAnalysis(Set<String> caseSensitiveWords, SynonymMap synonyms, List<SynonymGroups.Group> groups, Map<String, List<String>> senses,
      Set<String> ambiguousLetters) {
    this.caseSensitiveWords = caseSensitiveWords;
    this.senses = Map.copyOf(senses);
    this.ambiguousLetters = Set.copyOf(ambiguousLetters);
    this.synonyms = synonyms;
    this.words = english(caseSensitiveWords, null, true, false);
    this.multiWordNames = groups.stream().flatMap(g -> g.members().stream()).map(this::terms).filter(t -> t.size() > 1)
        .map(t -> String.join(" ", t)).collect(Collectors.toUnmodifiableSet());
  }

  public static TextAnalysis of(Vocabulary vocabulary) {
    Set<String> words = vocabulary.synonyms().caseSensitiveWords();
    return new TextAnalysis(words, synonymMap(vocabulary.synonyms(), english(words, null, false, false)), vocabulary.synonyms().groups(),
        vocabulary.synonyms().senses(), vocabulary.synonyms().ambiguousLetters());
  }

  /** The abbreviations whose letters as often mean something else ({@link SynonymGroups#ambiguousLetters}). */
  public Set<String> ambiguousLetters() {
    return ambiguousLetters;
  }

  /** The vocabulary's abbreviations with what each stands for ({@link SynonymGroups#senses}). */
  public Map<String, List<String>> senses() {
    return senses;
  }

  /** The words of a text as a text field indexes them: "Idecabtagene Vicleucel" gives [idecabtagene, vicleucel]. */
  public List<String> terms(String text) {
    return terms(words, Fields.TITLE, text);
  }

  /** The terms an analyzer makes of a text for a field, in order. */
  public static List<String> terms(Analyzer analyzer, String field, String text) {
    List<String> terms = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) terms.add(term.toString());
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return terms;
  }

  /**
   * Whether these words, as {@link #terms} gives them, are a name of several words in the
   * vocabulary (a disease, antigen or product): typed without quotes, they are still one name.
   */
  public boolean isMultiWordName(List<String> terms) {
    return terms.size() > 1 && multiWordNames.contains(String.join(" ", terms));
  }

  /** For indexing and for queries that take words as written. */
  public Analyzer plain() {
    return perField(english(caseSensitiveWords, null, true, false));
  }

  /** For queries that also find the synonyms of their words. */
  public Analyzer withSynonyms() {
    return perField(english(caseSensitiveWords, synonyms, true, false));
  }

  /** How a pair of neighbouring words is written as one term of a pairs field; the same the index writes. */
  public static String pair(String word, String next) {
    return word + PAIR_SEPARATOR + next;
  }

  /** The two words of a pair. */
  public static String[] unpair(String pair) {
    int separator = pair.indexOf(PAIR_SEPARATOR);
    return new String[] {pair.substring(0, separator), pair.substring(separator + PAIR_SEPARATOR.length())};
  }

  private static final String PAIR_SEPARATOR = " ";
  /** Between two values of a field, so that no phrase or pair joins the end of one to the start of the next. */
  private static final int VALUE_GAP = 100;

  /**
   * Synonyms go before the stop words, so that "relapsed or refractory" is one rule; synonym rules are read without them.
   *
   * @param pairs whether each two neighbouring words become one term (a pairs field); a stop word
   *     between two words leaves a gap, so they pair with a filler, never with each other
   */
  private static Analyzer english(Set<String> caseSensitiveWords, SynonymMap synonyms, boolean dropStopWords, boolean pairs) {
    Pattern codeNames = codeNames(caseSensitiveWords);
    return new Analyzer() {
      @Override
      protected Reader initReader(String fieldName, Reader reader) {
        Reader read = new PatternReplaceCharFilter(PRIOR_TO, "prior_to", new PatternReplaceCharFilter(JOINED_WORDS, " ", reader));
        return codeNames == null ? read : new PatternReplaceCharFilter(codeNames, "_", read);
      }

      @Override
      public int getPositionIncrementGap(String fieldName) {
        return VALUE_GAP;
      }

      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream stream = new EnglishPossessiveFilter(source);
        stream = new CaseSensitiveWordFilter(stream, caseSensitiveWords);
        stream = new ASCIIFoldingFilter(stream);
        stream = new LowerCaseFilter(stream);
        stream = new SpellingVariantFilter(stream);
        stream = new KStemFilter(stream);
        if (synonyms != null) stream = new SynonymGraphFilter(stream, synonyms, true);
        if (dropStopWords) stream = new StopFilter(stream, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        if (pairs) {
          ShingleFilter shingles = new ShingleFilter(stream, 2, 2);
          shingles.setOutputUnigrams(false);
          shingles.setTokenSeparator(PAIR_SEPARATOR);
          stream = shingles;
        }
        return new TokenStreamComponents(source, stream);
      }
    };
  }

  private static Analyzer identifier() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new KeywordTokenizer();
        return new TokenStreamComponents(source, new LowerCaseFilter(source));
      }
    };
  }

  /** Text fields through the given chain; ids whole; pairs fields as pairs of the words as written (never synonyms). */
  private Analyzer perField(Analyzer text) {
    Map<String, Analyzer> byField = new HashMap<>();
    byField.put(Fields.ID, identifier());
    Analyzer pairs = english(caseSensitiveWords, null, true, true);
    for (String field : Fields.PAIRED_FIELDS) byField.put(Fields.pairsOf(field), pairs);
    return new PerFieldAnalyzerWrapper(text, byField);
  }

  /** The groups as Solr synonym rules, parsed with the same chain the text goes through. */
  private static SynonymMap synonymMap(SynonymGroups groups, Analyzer analyzer) {
    StringBuilder rules = new StringBuilder();
    for (SynonymGroups.Group group : groups.groups()) {
      String members = group.members().stream().map(TextAnalysis::escape).collect(Collectors.joining(", "));
      if (group.alsoFinds().isEmpty()) {
        rules.append(members).append('\n');
      } else {
        List<String> targets = new java.util.ArrayList<>(group.members());
        targets.addAll(group.alsoFinds());
        rules.append(members).append(" => ").append(targets.stream().map(TextAnalysis::escape).collect(Collectors.joining(", "))).append('\n');
      }
    }
    try {
      SolrSynonymParser parser = new SolrSynonymParser(true, true, analyzer);
      parser.parse(new StringReader(rules.toString()));
      return parser.build();
    } catch (IOException | ParseException | IllegalArgumentException e) {
      throw new ConfigException("the synonyms of synonyms.txt, antigens.txt and products.txt cannot be used: " + e.getMessage(), e);
    }
  }

  private static String escape(String phrase) {
    return phrase.replace("\\", "\\\\").replace(",", "\\,").replace("=>", "\\=>");
  }
}
