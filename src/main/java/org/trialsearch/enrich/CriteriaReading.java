package org.trialsearch.enrich;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.trialsearch.model.Eligibility;

/**
 * The criteria halves as search reads them: what a trial requires, and what it excludes. Under an
 * "Exclusion Criteria" heading, a sentence that allows ("prior radiotherapy is allowed", "donors
 * positive for HTLV may be used at the discretion of the investigator") excludes nobody, so it is
 * read with the inclusion half. Criteria without headings (older records: "DISEASE
 * CHARACTERISTICS:", "PATIENT CHARACTERISTICS:") are read sentence by sentence: one that opens with
 * a negation ("No prior chemotherapy", "Not pregnant") or says it excludes is an exclusion, any
 * other a requirement. The record keeps its criteria as stated; only search reads them this way.
 */
public final class CriteriaReading {

  /** Inclusion and exclusion text as read; either may be null. */
  public record Halves(String inclusion, String exclusion) {}

  /** A line that starts a criterion: "*", "-", "•", "1.", "a)", "(ii)". */
  private static final Pattern MARKER = Pattern.compile("^\\s*(?:[*\\-•·▪◦○●]|\\d{1,3}[.)]|[a-zA-Z][.)]|\\(\\w{1,4}\\))\\s+");
  /** Where one sentence ends and the next begins: ". Donors", "; no prior". */
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.;])\\s+(?=[\\p{Lu}(]|no |not )");
  /** Words in parentheses: an exception noted inside a criterion, not what the criterion says. */
  private static final Pattern PARENTHESES = Pattern.compile("\\([^()]*\\)|\\[[^\\[\\]]*]");
  /** Wording that lets patients in; a negation in front ("not allowed") turns it round. */
  private static final Pattern ALLOWS = Pattern.compile("(?i)(?<!\\bnot )(?<!\\bno longer )(?<!n't )\\b(?:allowed|permitted"
      + "|(?:is|are) acceptable|(?:is|are|will be|would be) eligible|(?:may|can|will) be (?:enrolled|included|eligible)|(?:may|can) be used"
      + "|(?:may|can) participate|at the discretion of|(?:should|will|is|are) not (?:be )?excluded)\\b");
  /** A criterion that opens with a negation: "No prior chemotherapy", "Not pregnant", "No other agents allowed". */
  private static final Pattern OPENS_NEGATED = Pattern.compile("(?i)^(?:no|not|none|never|without|neither|must not|cannot|may not|should not|unable)\\b");
  /** Wording that says a criterion keeps patients out, in criteria without an exclusion heading. */
  private static final Pattern SAYS_EXCLUDED = Pattern.compile("(?i)\\b(?:excluded|exclusion|ineligible|not eligible|not allowed|not permitted|prohibited)\\b");

  private CriteriaReading() {}

  public static Halves of(Eligibility eligibility) {
    if (eligibility == null) return new Halves(null, null);
    if (eligibility.isSplit()) return withAllowingMoved(eligibility.inclusion(), eligibility.exclusion());
    if (eligibility.criteria() == null) return new Halves(null, null);
    return bySentence(eligibility.criteria());
  }

  /** The stated halves, each exclusion sentence that allows read with the inclusion half. */
  private static Halves withAllowingMoved(String inclusion, String exclusion) {
    if (exclusion == null) return new Halves(inclusion, null);
    List<String> allowing = new ArrayList<>();
    List<String> excluding = new ArrayList<>();
    for (String sentence : sentences(exclusion)) (allows(sentence) ? allowing : excluding).add(sentence);
    if (allowing.isEmpty()) return new Halves(inclusion, exclusion);
    String moved = String.join("\n", allowing);
    return new Halves(inclusion == null ? moved : inclusion + "\n" + moved, excluding.isEmpty() ? null : String.join("\n", excluding));
  }

  private static Halves bySentence(String criteria) {
    List<String> requiring = new ArrayList<>();
    List<String> excluding = new ArrayList<>();
    for (String sentence : sentences(criteria)) {
      boolean excludes = OPENS_NEGATED.matcher(sentence).find() || !allows(sentence) && SAYS_EXCLUDED.matcher(sentence).find();
      (excludes ? excluding : requiring).add(sentence);
    }
    return new Halves(requiring.isEmpty() ? null : String.join("\n", requiring), excluding.isEmpty() ? null : String.join("\n", excluding));
  }

  private static boolean allows(String sentence) {
    return !OPENS_NEGATED.matcher(sentence).find() && ALLOWS.matcher(PARENTHESES.matcher(sentence).replaceAll(" ")).find();
  }

  /**
   * The sentences of criteria text, each criterion's wrapped lines joined. A marked line ("-", "1.")
   * or a blank line starts a criterion; in text without any marker every line does, unless it goes
   * on in lower case from the line above (hard-wrapped records).
   */
  static List<String> sentences(String text) {
    List<String> lines = text.lines().toList();
    boolean marked = lines.stream().anyMatch(line -> MARKER.matcher(line).find());
    List<String> criteria = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : lines) {
      boolean starts = line.isBlank() || MARKER.matcher(line).find() || line.strip().endsWith(":")
          || !marked && !Character.isLowerCase(line.strip().charAt(0));
      if (starts && !current.isEmpty()) {
        criteria.add(current.toString());
        current.setLength(0);
      }
      if (line.isBlank()) continue;
      if (!current.isEmpty()) current.append(' ');
      current.append(MARKER.matcher(line).replaceFirst("").strip());
      if (line.strip().endsWith(":")) {
        criteria.add(current.toString());
        current.setLength(0);
      }
    }
    if (!current.isEmpty()) criteria.add(current.toString());
    List<String> sentences = new ArrayList<>();
    for (String criterion : criteria) {
      for (String sentence : SENTENCE_END.split(criterion)) {
        if (!sentence.isBlank()) sentences.add(sentence.strip());
      }
    }
    return sentences;
  }
}
