package org.trialsearch.index;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Writes British spellings the American way, so that each finds the other without a synonym line
 * per word: haem- and leukaemia (ae), oedema and diarrhoea (oe), tumour (our), randomised and
 * organisation (ise), centre and fibre (re), catalogue (ogue), analyse (yse), programme (mme).
 * Runs on lower-cased words at index and query time alike, before stemming, so a rule that also
 * touches an unrelated word ("aerosol" as "erosol") changes both sides the same way and costs
 * nothing. Words kept apart as abbreviations ({@code _all}) and words with digits are left alone.
 */
final class SpellingVariantFilter extends TokenFilter {

  /** A rewrite, tried only on words that contain its letters: most words contain none, and a look costs less than a match. */
  private record Rule(String letters, Pattern pattern, String replacement) {}

  private static final List<Rule> RULES = List.of(
      // haematology, leukaemia, paediatric, gynaecology, aetiology; not a final "ae" (vertebrae)
      new Rule("ae", Pattern.compile("ae(?=[a-z])"), "e"),
      // oedema, oesophageal, oestrogen; diarrhoea, foetal, coeliac, dyspnoea
      new Rule("oe", Pattern.compile("^oe(?=[a-z])|(?<=[hfcn])oe(?=[a-z])"), "e"),
      // tumour(s), favourable, behaviour; not four, hour, your, flour
      new Rule("our", Pattern.compile("(?<=[a-z]{3})our(?=(?:s|ed|ing|able|ably|ite|ites)?$)"), "or"),
      // randomised, organisation, characterising; see NOT_ISE for words that are spelt so everywhere
      new Rule("is", Pattern.compile("(?<=[a-z]{4})is(?=(?:e|es|ed|ing|ation|ations)$)"), "iz"),
      // centre, litre, fibre, calibre
      new Rule("re", Pattern.compile("(?<=[a-z]{2}[tb])re(?=(?:s|d)?$)"), "er"),
      // catalogue, analogue, dialogue
      new Rule("ogue", Pattern.compile("(?<=[a-z]{3})ogue(?=s?$)"), "og"),
      // analyse(d), paralyse, dialyse; "analyses" the noun is KStem's
      new Rule("ys", Pattern.compile("(?<=[a-z]{2})ys(?=(?:e|ed|ing)$)"), "yz"),
      // programme(s)
      new Rule("mme", Pattern.compile("(?<=[a-z]{3})mme(?=s?$)"), "m"));

  /** Words ending in -ise that are spelt so in American English too. */
  private static final Set<String> NOT_ISE = Set.of("advertise", "advise", "chastise", "comprise", "compromise", "concise",
      "demise", "despise", "devise", "disguise", "enterprise", "excise", "exercise", "expertise", "franchise", "improvise",
      "incise", "merchandise", "otherwise", "precise", "premise", "promise", "revise", "supervise", "surmise", "surprise",
      "televise", "treatise", "noise", "poise", "praise", "raise", "bruise", "cruise", "arise", "paradise", "clockwise",
      "likewise", "stepwise", "pairwise", "sidewise");
  private static final Pattern ISE = Pattern.compile("is(?:e|es|ed|ing)$");

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

  SpellingVariantFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) return false;
    if (term.length() < 5 || !lettersOnly()) return true;
    String word = term.toString();
    String american = american(word);
    if (!american.equals(word)) term.setEmpty().append(american);
    return true;
  }

  static String american(String word) {
    String out = word;
    for (Rule rule : RULES) {
      if (!out.contains(rule.letters())) continue;
      Matcher m = rule.pattern().matcher(out);
      if (!m.find()) continue;
      if (rule.replacement().equals("iz") && NOT_ISE.contains(ISE.matcher(out).replaceFirst("ise"))) continue;
      out = m.replaceAll(rule.replacement());
    }
    return out;
  }

  private boolean lettersOnly() {
    char[] buffer = term.buffer();
    for (int i = 0; i < term.length(); i++) {
      if (buffer[i] < 'a' || buffer[i] > 'z') return false;
    }
    return true;
  }
}
