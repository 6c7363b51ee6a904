package org.trialsearch.enrich;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trialsearch.vocabulary.PhraseMatcher;

/**
 * A trial's text prepared for finding what its engineered cells target. Shorthand is written out:
 * CAR inside a word becomes a word of its own ("huCART19" is "hu CART CD19", "mesoCAR" is "meso
 * CAR"), a number after CAR is the CD antigen it names ("CAR-20/19-T" is CD20 and CD19), and lists
 * of CD numbers are written in full ("CD19/20/22"). Mentions that name no target are set apart:
 * an antigen of a prior therapy ("after CD19 CAR-T"), of an antibody drug, one lost or absent
 * ("CD19-negative"), a truncated tracking marker ("truncated EGFR"). An antigen the patients'
 * cells carry ("CD19+ leukemia", "CD7-positive") is kept apart too: it names the target only when
 * nothing else does.
 *
 * @param core the text with every set-apart mention blanked
 * @param markers the eligibility markers alone ("CD19+" ...)
 */
record TargetText(PhraseMatcher.Text core, PhraseMatcher.Text markers) {

  /** CAR written inside a word, before what continues it: "huCART19", "4SCAR19", "TriCAR-T", "PBLTT52CAR19", "LCAR-B38M". */
  private static final Pattern CAR_AFTER_PREFIX = Pattern.compile("(?<=[A-Za-z0-9])(?=CAR(?:-?T\\b|-?T[\\d_./-]|T[a-z]|\\d|-\\d|-?NK|[._(]|-[A-Za-z]))");
  /** CAR after a short lower-case prefix at a word's end: "cCAR", "eCAR", "hsCAR", "mesoCAR". */
  private static final Pattern CAR_AFTER_LOWER = Pattern.compile("(?<=\\b[a-z]{1,4})(?=CAR(?:-?T)?\\b)");
  /** CAR before a word that continues it: "CARTmeso", "CARvac", "CARCIK". */
  private static final Pattern CAR_BEFORE_WORD = Pattern.compile("(?<=\\bCART?)(?=[a-z]{2}|CIK)");
  /**
   * A number after CAR (and the numbers listed after it) names CD antigens: "CAR19", "CART-19",
   * "CAR-20/19-T", "UCART20x22", "CAR-NK19/70", "CAR 70-BCMA".
   */
  private static final Pattern CAR_NUMBERS = Pattern.compile("\\b(CAR(?:-?T|-?NK)?)(?:[-_.]|\\s(?=\\d{1,3}-))?0*(\\d{1,3}[a-z]?)((?:[/x+]0*\\d{1,3}[a-z]?)*)(?![\\d.])");
  /** CD numbers listed in short: "CD19/20/22", "CD 19/22", "CD19/79b", "CD20x22". */
  private static final Pattern CD_LIST = Pattern.compile("\\bCD ?(\\d{1,3}[a-z]?)((?:\\s?[/x+]\\s?\\d{1,3}[a-z]?\\b)+)");
  /** A short prefix on a CD antigen: "UCD19" (universal), "huCD19" (humanized). */
  private static final Pattern CD_AFTER_PREFIX = Pattern.compile("(?<=\\b[A-Za-z]{1,3})(?=CD\\d)");
  /** Two CD antigens written as one word: "CD19CD22". */
  private static final Pattern CD_JOINED = Pattern.compile("(?<=\\bCD\\d{1,3}[a-z]?)(?=CD\\d)");
  private static final Pattern LIST_SEPARATOR = Pattern.compile("\\s?[/x+]\\s?");
  /** "AntiCD19", "antiBCMA": anti- without its hyphen, before a name in capitals. */
  private static final Pattern ANTI_JOINED = Pattern.compile("\\b[Aa]nti(?=CD\\d|[A-Z][A-Z\\d]+\\b)");
  /** A CAR construct named by its antigen's number and costimulatory domain: "19-28z", "19(T2)28z1xx", "19BBz". */
  private static final Pattern NUMBERED_CONSTRUCT = Pattern.compile("\\b(\\d{1,3})(?:\\(\\w+\\))?-?(?:28|BB)(?:z|ζ|zeta)");

  /** What is set apart, each a pattern whose group 1 is the span to blank. */
  private static final Pattern[] NO_TARGET = {
      // a prior therapy, a few words after its cue: "after CD19 CAR-T", "following commercial CD19 CAR T cells"
      Pattern.compile("(?i)\\b(?:after|following|prior|previous(?:ly)?|post|failed|failure of|refractory to|resistant to|exposed to|"
          + "pretreated with)[\\s-]+((?:[\\w/+-]+\\s+){0,3}?(?:CAR-?T?|CART|therap(?:y|ies))\\b)"),
      // an antibody drug: "anti-CD38 antibody", "CD20 monoclonal antibody", "CD20xCD3 bispecific antibody"
      Pattern.compile("(?i)(\\S+\\s+(?:(?:monoclonal|\\w*-?specific)\\s+)?(?:antibod(?:y|ies)|mAb|ADC|antibody-drug conjugate|"
          + "T[- ]cell engagers?|BiTEs?)\\b)"),
      // absent or lost: "CD19-negative", "CD19 negative", "CD19- ALL", "loss of CD19", "CD19 loss"
      Pattern.compile("(?i)(\\S+[- ]negative)\\b"),
      Pattern.compile("\\b(CD\\d{1,3}[a-z]?-)(?=\\s+(?!and\\b|or\\b|&))"),
      Pattern.compile("(?i)(\\bloss of \\S+|\\S+[- ]loss\\b|\\S+[- ]dim\\b)"),
      // a truncated tracking marker: "truncated CD19", "truncated human EGFR"
      Pattern.compile("(?i)(\\btruncated\\s+(?:human\\s+)?\\S+)")};
  /** An antigen the patients' cells carry: "CD19+", "CD7-positive", "BCMA positive", "CD19-expressing". */
  private static final Pattern MARKER = Pattern.compile("(?i)(\\S+?(?:\\+(?=\\W|$)|[- ]positive\\b|[- ]expressing\\b))");

  static TargetText of(String text) {
    String core = writtenOut(text);
    for (Pattern noTarget : NO_TARGET) core = blank(core, noTarget, null);
    StringBuilder markers = new StringBuilder();
    core = blank(core, MARKER, markers);
    return new TargetText(new PhraseMatcher.Text(core), new PhraseMatcher.Text(markers.toString()));
  }

  /** The shorthand written out. */
  static String writtenOut(String text) {
    String out = CAR_AFTER_PREFIX.matcher(text).replaceAll(" ");
    out = CAR_AFTER_LOWER.matcher(out).replaceAll(" ");
    out = CAR_BEFORE_WORD.matcher(out).replaceAll(" ");
    out = CD_AFTER_PREFIX.matcher(out).replaceAll(" ");
    out = CD_JOINED.matcher(out).replaceAll(" ");
    out = ANTI_JOINED.matcher(out).replaceAll("anti ");
    out = NUMBERED_CONSTRUCT.matcher(out).replaceAll("CD$1 ");
    out = replace(out, CAR_NUMBERS, m -> m.group(1) + " " + cdList(m.group(2), m.group(3)) + " ");
    return replace(out, CD_LIST, m -> cdList(m.group(1), m.group(2)));
  }

  /** "19" and "/20/22" as "CD19 CD20 CD22". */
  private static String cdList(String first, String rest) {
    StringBuilder out = new StringBuilder("CD").append(first);
    for (String number : LIST_SEPARATOR.split(rest)) {
      if (!number.isBlank()) out.append(" CD").append(number.replaceFirst("^0+(?=\\d)", ""));
    }
    return out.toString();
  }

  /** The text with each match's group 1 blanked; what was blanked goes to {@code kept} when given. */
  private static String blank(String text, Pattern pattern, StringBuilder kept) {
    Matcher m = pattern.matcher(text);
    StringBuilder out = new StringBuilder();
    int done = 0;
    while (m.find()) {
      out.append(text, done, m.start(1)).append(" ".repeat(m.end(1) - m.start(1)));
      if (kept != null) kept.append(m.group(1)).append(" \n ");
      done = m.end(1);
    }
    return out.append(text, done, text.length()).toString();
  }

  private static String replace(String text, Pattern pattern, java.util.function.Function<Matcher, String> replacement) {
    Matcher m = pattern.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(replacement.apply(m)));
    return m.appendTail(out).toString();
  }
}
