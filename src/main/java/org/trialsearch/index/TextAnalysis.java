package org.trialsearch.index;

import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The analysis chains, built once and used for indexing and query parsing alike. English text:
 * standard tokens, possessives off, accents folded (Waldenström = Waldenstrom), lower case, English
 * stop words, KStem (plural and tense endings, gentler on medical words than Porter). Ids: whole
 * value, lower case.
 */
public final class TextAnalysis {

  private TextAnalysis() {}

  public static Analyzer english() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream stream = new EnglishPossessiveFilter(source);
        stream = new ASCIIFoldingFilter(stream);
        stream = new LowerCaseFilter(stream);
        stream = new StopFilter(stream, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        stream = new KStemFilter(stream);
        return new TokenStreamComponents(source, stream);
      }
    };
  }

  public static Analyzer identifier() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new KeywordTokenizer();
        return new TokenStreamComponents(source, new LowerCaseFilter(source));
      }
    };
  }

  /** English for every text field, whole lower-cased values for ids. */
  public static Analyzer perField() {
    Map<String, Analyzer> byField = new HashMap<>();
    byField.put(Fields.ID, identifier());
    return new PerFieldAnalyzerWrapper(english(), byField);
  }
}
