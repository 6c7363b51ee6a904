package org.trialsearch.enrich;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trialsearch.model.Eligibility;

/**
 * The criteria halves as search reads them: what a trial requires, and what it excludes. Each
 * criterion goes the way its heading says unless its own wording says otherwise. Under an
 * exclusion heading, a sentence that allows ("prior radiotherapy is allowed", "donors positive for
 * HTLV may be used at the discretion of the investigator") or a note ("Note: vaccination should
 * not be given within 3 days of treatment") excludes nobody, so it is read with the inclusion half.
 * Under an inclusion heading, or in criteria without headings (older records: "DISEASE
 * CHARACTERISTICS:", "PATIENT CHARACTERISTICS:"), a sentence that opens with a negation ("No prior
 * chemotherapy", "Not pregnant") or says it excludes is an exclusion, any other a requirement.
 * Sub-headings inside a half turn the criteria below them ("Excluded:", "Patients must have:",
 * "Allowed:"), as older records nest them. The record keeps its criteria as stated; only search
 * reads them this way.
 */
public final class CriteriaReading {

  /**
   * Inclusion and exclusion text as read; either may be null. {@code exclusionSearched} is the
   * exclusion text with its asides blanked out, letter for letter (see {@link #ASIDE}, and
   * {@link #FITNESS} for the trial's own treatments): what an exclusion search matches, while
   * snippets show the text whole.
   */
  public record Halves(String inclusion, String exclusion, String exclusionSearched) {}

  /**
   * "As" or "since" that gives a reason: "as there is ...", "as they may ...", "as the combination
   * of X and Y is known to ...", "since these conditions might ...": a clause with its own verb.
   * Not "such as", "as well as", "as long as", "defined as", "as to whether", nor "as will those
   * who ..." (a second subject, excluded too); not "since" as a point in time ("less than 5 years
   * since prior chemotherapy" excludes the chemotherapy).
   */
  private static final String REASON = "(?:(?<!such |well |long |so |same |defined |classified |known |regarded |considered )as|since)"
      + "(?=\\s+there\\s+(?:is|are)\\b|\\s+(?!(?:is|are|was|were|can|could|may|might|has|have|will|would|do|does|did|to|well|long|per|a result)\\b)"
      + "[\\w/-]+(?:\\s+[\\w/-]+){0,5}\\s+(?:is|are|can|could|may|might|has|have|will)\\b)";

  /**
   * A character of a reason: anything but the end of a sentence or list item, and not a line break
   * unless the line goes on in lower case (records wrapped by hand: "... some evidence that\n
   * fludarabine can worsen ..."). A point in time, an exception or a purpose is a phrase, on the
   * line it starts on: {@code [^.;:,()\n]}.
   */
  private static final String IN_REASON = "(?:[^.;\\n]|\\n(?=[ \\t]*(?-i:\\p{Ll}))(?![ \\t]*[a-z][.)]\\s))";

  /**
   * An exclusion of those who cannot take something: "known hypersensitivity to etanercept or any
   * of its components", "a contraindication to the use of either warfarin or aspirin", "allergy to
   * aspirin or\n warfarin", "no sensitivity to serotonin uptake inhibitors (for sertraline
   * treatment)". When it names the trial's own treatment it keeps nobody out for having
   * had it, and is an aside; when it names another drug (a contraindication to bevacizumab in a
   * CAR-T trial for glioblastoma) it excludes. To the end of the sentence, as such lists run past
   * commas, as a reason does ({@link #IN_REASON}).
   */
  private static final Pattern FITNESS = Pattern.compile("(?i)\\b(?:(?:hyper)?sensitiv\\w*|allerg\\w*|contra-?indicat\\w*|intoleran\\w*)"
      + "(?:\\s+reactions?)?\\s+(?:to|with|for)\\b" + IN_REASON + "*");

  /**
   * A fitness clause that says it is about the trial's own treatments, whatever it then names:
   * "known sensitivities to any of the agents used in this study or their reagents including
   * steroids, tocilizumab, cyclophosphamide, fludarabine", "allergy to the study drug".
   */
  private static final Pattern STUDY_OWN = Pattern.compile("(?i)\\b(?:(?:used|given|administered|received) (?:in|during|for) (?:this|the) (?:study|trial|protocol)"
      + "|study (?:drugs?|agents?|treatments?|medications?|products?|interventions?|therap(?:y|ies))"
      + "|investigational (?:products?|agents?|drugs?|medicinal products?))\\b");

  /**
   * A label that says to whom the criteria below it apply, at the start of a line: "Etanercept
   * Study:", "Celecoxib arm:", "Arm II:", "Part A:". What it names is the trial's own treatment or
   * part, not what keeps a patient out. The name before "study" is capitalised: "Participation in
   * another study:" is an exclusion.
   */
  private static final Pattern SCOPE_LABEL = Pattern.compile("(?im)^[ \\t]*(?:[*\\-•]\\s*)?((?:[\\p{L}\\p{N}-]+[ \\t]+){0,2}"
      + "(?-i:[\\p{Lu}\\p{N}])[\\p{L}\\p{N}-]*[ \\t]+(?:study|sub-?study|arm|group|cohort|part)|(?:arm|group|cohort|part|stratum)[ \\t]+[\\p{L}\\p{N}]{1,4}(?:[ \\t]+[\\p{L}\\p{N}-]+){0,3})[ \\t]*:");

  /** The shortest first word of a treatment's name that names it alone ("leucovorin" of "leucovorin calcium"). */
  private static final int NAMING_FIRST_WORD = 6;

  /**
   * Words that name a trial's own treatments: each name whole, and the first word of a name of
   * several ("Fludarabine Phosphate"); null when the trial names none.
   */
  static Pattern ownTreatments(Collection<String> names) {
    List<String> alternatives = new ArrayList<>();
    for (String name : names) {
      String stripped = name == null ? "" : name.strip();
      if (stripped.length() < 3) continue;
      alternatives.add(Pattern.quote(stripped));
      String first = stripped.split("[\\s,(]+")[0];
      if (!first.equals(stripped) && first.length() >= NAMING_FIRST_WORD && first.chars().allMatch(Character::isLetter)) {
        alternatives.add(Pattern.quote(first));
      }
    }
    if (alternatives.isEmpty()) return null;
    return Pattern.compile("(?i)(?<![\\p{L}\\p{N}])(?:" + String.join("|", alternatives) + ")(?![\\p{L}\\p{N}])");
  }

  /** A test some must have: "ejection fraction is required if the patient has a history of anthracyclines". */
  private static final String REQUIRED_OF_SOME = "(?:is|are|will be) (?:required|needed|mandatory) (?:if|for|when|in)";

  /**
   * Words of an exclusion that are not what it excludes: a point in time ("within 2 weeks before
   * leukapheresis", "within 10 days of first dose of bevacizumab", "during treatment with"), an
   * exception ("(other than rituximab)", "except bevacizumab", "unless taking warfarin"), a reason
   * ("because the fludarabine used in this trial ...", "as there is some evidence that fludarabine
   * can worsen ...", "as they may be more at risk of toxicity from olaparib"), a purpose
   * ("inadequate vein access to perform leukapheresis", "in order to ...") or fitness for what the
   * trial gives ("a condition which precludes apheresis", "donor unfit to receive G-CSF and undergo
   * apheresis") or a scope ("(for bromocriptine and sertraline treatments)", which says to whom a
   * criterion applies, as does a label: {@link #SCOPE_LABEL}). What they name is the trial's own
   * treatment or procedure, or another drug's timing, not what keeps a patient out; and a test some
   * must have ("ejection fraction is required if the patient has a history of anthracyclines"),
   * which keeps out only those who fail it. Not "contraindication to X": X is as often a drug the
   * trial may need ("contraindication to bevacizumab" in a CAR-T trial for glioblastoma); see
   * {@link #FITNESS}. All but a reason and a test run to the next comma, as what follows a comma is
   * as often excluded again ("with the exception of diverticulosis, systemic lupus erythematosus,
   * sarcoidosis"); a reason and a test to the end of their sentence.
   */
  static final Pattern ASIDE = Pattern.compile("(?i)\\b(?:(?:" + String.join("|",
      "prior to|before|until|during|at the time of|(?:first|initial|last) dose of|start of|initiation of", // a point in time
      "except|other than|with the exception of|excluding|apart from|aside from|unless", // an exception
      "access (?:to perform|for)|in order to|for the purpose of", // a purpose
      "(?<=\\()for(?=[^()\\n]{1,60}\\b(?:treatments?|therap(?:y|ies)|arms?|groups?|cohorts?)\\))", // a scope
      "contraindicates|precludes?|(?:worsened|aggravated) by" // fitness for what the trial gives
          + "|(?:unfit|unable|ineligible|not able|inability|not eligible) to (?:receive|undergo|tolerate)|(?:to|will not|cannot|can't) undergo")
      + ")\\b[^.;:,()\\n]*"
      + "|(?:because|" + REASON + "|" + REQUIRED_OF_SOME + ")\\b" + IN_REASON + "*)");

  /** What comes before a sentence's first word: the start of a line, a list marker, or the end of another sentence. */
  private static final Pattern SENTENCE_STARTS = Pattern.compile("(?:^|[.;:]|^[ \\t]*(?:[*\\-•·▪◦○●]|\\d{1,3}[.)]|[a-zA-Z][.)]))[ \\t]*$", Pattern.MULTILINE);

  /** Where the main clause after an opening reason starts: ", patients ...", ", breastfeeding should ...". */
  private static final Pattern MAIN_CLAUSE = Pattern.compile("(?i),\\s*(?:all |such |these |the )?(?:patients|subjects|participants|women|men"
      + "|children|individuals|applicants|persons|people|breast-?feeding|nursing|pregnant|those|they)\\b");

  /**
   * The text with its asides replaced by spaces, so that every other word keeps its offsets and
   * every line its break. A reason that opens its sentence ("Because drugs that induce CYP3A4
   * reduce erlotinib, patients taking phenytoin ... are excluded") ends where the main clause
   * starts: that is the exclusion.
   */
  static String blankAsides(String text) {
    return blankAsides(text, null);
  }

  /**
   * As {@link #blankAsides(String)}, and the exclusions of those who cannot take the trial's own
   * treatments: named ({@code ownTreatments}), or called the study's ({@link #STUDY_OWN}).
   */
  static String blankAsides(String text, Pattern ownTreatments) {
    StringBuilder blanked = new StringBuilder(text);
    Matcher fitness = FITNESS.matcher(text);
    while (fitness.find()) {
      boolean own = STUDY_OWN.matcher(fitness.group()).find() || ownTreatments != null && ownTreatments.matcher(fitness.group()).find();
      if (own) blank(blanked, text, fitness.start(), fitness.end());
    }
    Matcher label = SCOPE_LABEL.matcher(text);
    while (label.find()) blank(blanked, text, label.start(1), label.end());
    Matcher aside = ASIDE.matcher(text);
    while (aside.find()) {
      int end = Math.max(aside.end(), closingParenthesis(text, aside.start()));
      if (opensSentence(text, aside.start())) {
        Matcher main = MAIN_CLAUSE.matcher(text).region(aside.start(), end);
        if (main.find()) end = main.start();
      }
      blank(blanked, text, aside.start(), end);
    }
    return blanked.toString();
  }

  /** Spaces for the letters from start to end, keeping line breaks. */
  private static void blank(StringBuilder blanked, String text, int start, int end) {
    for (int i = start; i < end; i++) {
      if (text.charAt(i) != '\n' && text.charAt(i) != '\r') blanked.setCharAt(i, ' ');
    }
  }

  /** The most a parenthesis that an aside opens is read ahead for its close. */
  private static final int LONGEST_PARENTHESIS = 400;

  /**
   * Where a parenthesis closes that opens with the aside at {@code at} ("(except for patients with
   * (A-a) DO2 of 35 - 45 torr who receive prednisone ...)"): the aside runs to its close, through
   * the parentheses inside. -1 when the aside opens none, or it does not close.
   */
  private static int closingParenthesis(String text, int at) {
    int open = at - 1;
    while (open >= 0 && text.charAt(open) == ' ') open--;
    if (open < 0 || text.charAt(open) != '(') return -1;
    int depth = 1;
    for (int i = at; i < Math.min(text.length(), at + LONGEST_PARENTHESIS); i++) {
      char c = text.charAt(i);
      if (c == '(') depth++;
      else if (c == ')' && --depth == 0) return i;
    }
    return -1;
  }

  private static boolean opensSentence(String text, int at) {
    int lineStart = text.lastIndexOf('\n', at - 1) + 1;
    return SENTENCE_STARTS.matcher(text.substring(lineStart, at)).find();
  }

  /** A line that starts a criterion: "*", "-", "•", "1.", "a)", "(ii)". */
  private static final Pattern MARKER = Pattern.compile("^\\s*(?:[*\\-•·▪◦○●]|\\d{1,3}[.)]|[a-zA-Z][.)]|\\(\\w{1,4}\\))\\s+");
  /**
   * Where one sentence ends and the next begins: ". Donors", "; no prior"; and, in older records
   * whose items were run together when their lines were wrapped ("... Hb at least 10 g/dL Hepatic:
   * Bilirubin no greater than 1.5 mg/dL Cardiovascular: No MI within the past 6 months No CHF"),
   * before a capitalised "No" or "Not" inside a sentence, a label's included ("Cardiovascular: No
   * MI"; not "Yes or No"), and before a label of one or two words and a colon.
   */
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.;])\\s+(?=[\\p{Lu}(]|no |not )"
      + "|(?<=[\\p{L}\\p{N})%:])(?<!\\b(?:or|and|if|yes|Yes))\\s+(?=(?-i:No|Not)\\s)"
      + "|(?<=[\\p{L}\\p{N})%])\\s+(?=\\p{Lu}\\p{Ll}+(?:[ /-]\\p{Ll}+)?:\\s)");
  /** Words in parentheses: an exception noted inside a criterion, not what the criterion says. */
  private static final Pattern PARENTHESES = Pattern.compile("\\([^()]*\\)|\\[[^\\[\\]]*]");
  /**
   * An exception to the end of a criterion ("..., except the following are allowed:", "..., with the
   * following exceptions: patients who received ... are eligible"): what it allows is the exception.
   */
  private static final Pattern EXCEPTION = Pattern.compile("(?i)\\b(?:except(?:ions?)?|unless|other than)\\b.*$");
  /** Wording that lets patients in; a negation in front ("not allowed", "will not be permitted") turns it round. */
  private static final Pattern ALLOWS = Pattern.compile("(?i)(?<!\\bnot )(?<!\\bnot be )(?<!\\bnever be )(?<!\\bno longer )(?<!n't )(?<!n't be )\\b(?:allowed|permitted"
      + "|(?:is|are) acceptable|(?:is|are|will be|would be) eligible|(?:may|can|will) be (?:enrolled|included|eligible)|(?:may|can) be used"
      + "|(?:may|can) participate|at the discretion of|(?:should|will|is|are) not (?:be )?excluded)\\b");
  /**
   * A criterion that opens with a negation: "No prior chemotherapy", "Not pregnant", "No other
   * agents allowed", "Patients must not have end-stage renal disease". Not one that says the
   * patient is unfit for something ("Not eligible for transplant", "Unable to receive
   * chemotherapy"): that is whom such trials take.
   */
  private static final Pattern OPENS_NEGATED = Pattern.compile("(?i)^(?:no|not|none|never|without|neither"
      + "|(?:(?:the\\s+)?(?:patients?|subjects?|participants?|donors?|women|men|children|volunteers?|individuals?)\\s+)?"
      + "(?:must|may|should|shall|can)\\s+not|cannot)\\b"
      + "(?!\\s+(?:be\\s+)?(?:a\\s+)?(?:eligible|candidate|suitable|fit|able|amenable|appropriate|considered)\\b)");
  /**
   * What happens to patients once enrolled ("Patients developing AIHA on protocol will not undergo
   * fludarabine until ...", "a participant who becomes pregnant during the study will be
   * withdrawn"): how the study runs, not whom it lets in.
   */
  private static final Pattern IN_STUDY = Pattern.compile("(?i)\\b(?:developing|who (?:develops?|becomes?|experiences?))\\b[^.;]{0,80}"
      + "\\b(?:on|during|while on|after enrolling in|after enrollment in) (?:the )?(?:protocol|study|treatment|trial)\\b");
  /** A remark under a criterion, which keeps nobody out unless it says so. */
  private static final Pattern NOTE = Pattern.compile("(?i)^(?:\\w[.)]\\s*)?note\\b");
  /** A heading or sub-heading: a line ending in a colon, or "Inclusion Criteria" / "Exclusion criteria" alone. */
  private static final Pattern HEADING = Pattern.compile("(?i)^(?:.*:|(?:inclusion|exclusion|eligibility) criteria(?: for [\\w -]+)?)$");
  /** A (sub-)heading over criteria that keep patients out: "Excluded:", "Patients must not have:", "Exclusion criteria". */
  private static final Pattern HEADING_EXCLUDES = Pattern.compile("(?i)\\b(?:excluded|exclusions?|ineligible|not eligible|not allowed|not permitted"
      + "|prohibited|must not|may not|should not|cannot)\\b");
  /** A (sub-)heading over what patients must be or may have: "Patients must have:", "Allowed:", "Inclusion criteria". */
  private static final Pattern HEADING_REQUIRES = Pattern.compile("(?i)\\b(?:must|required|requirements?|allowed|permitted|inclusions?)\\b");

  /** Which way the criteria under a heading go. */
  private enum Direction { REQUIRES, EXCLUDES }
  /** Wording that says a criterion keeps patients out, in criteria without an exclusion heading. */
  private static final Pattern SAYS_EXCLUDED = Pattern.compile("(?i)\\b(?:excluded|exclusion|(?:is|are|be) (?:not eligible|ineligible)|not allowed|not permitted|prohibited)\\b");

  private CriteriaReading() {}

  public static Halves of(Eligibility eligibility) {
    return of(eligibility, List.of());
  }

  /** The halves of a trial's criteria; {@code ownTreatments}, the names of what it gives, tell its exclusions of those unfit for them. */
  public static Halves of(Eligibility eligibility, Collection<String> ownTreatments) {
    if (eligibility == null) return new Halves(null, null, null);
    Reading reading = new Reading(ownTreatments(ownTreatments));
    if (eligibility.isSplit()) {
      if (eligibility.inclusion() != null) reading.read(eligibility.inclusion(), Direction.REQUIRES);
      if (eligibility.exclusion() != null) reading.read(eligibility.exclusion(), Direction.EXCLUDES);
    } else if (eligibility.criteria() != null) {
      reading.read(eligibility.criteria(), Direction.REQUIRES);
    }
    return reading.halves();
  }

  /** The two halves as sentences are read into them. */
  private static final class Reading {
    private final List<String> requiring = new ArrayList<>();
    private final List<String> excluding = new ArrayList<>();
    private final Pattern ownTreatments;

    Reading(Pattern ownTreatments) {
      this.ownTreatments = ownTreatments;
    }

    /**
     * Reads text under a heading that goes one way; its sub-headings turn it until the next one.
     * Text whose every sentence goes the stated way is kept as written.
     */
    void read(String text, Direction stated) {
      List<String> toRequiring = new ArrayList<>();
      List<String> toExcluding = new ArrayList<>();
      Direction direction = stated;
      for (Sentence sentence : sentences(text)) {
        if (sentence.heading()) direction = turnedBy(sentence.text(), stated); // a heading goes with what it heads
        (excludes(sentence.text(), direction) ? toExcluding : toRequiring).add(sentence.text());
      }
      boolean asStated = stated == Direction.REQUIRES ? toExcluding.isEmpty() : toRequiring.isEmpty();
      if (asStated) {
        (stated == Direction.REQUIRES ? requiring : excluding).add(text);
      } else {
        requiring.addAll(toRequiring);
        excluding.addAll(toExcluding);
      }
    }

    Halves halves() {
      String exclusion = excluding.isEmpty() ? null : String.join("\n", excluding);
      return new Halves(requiring.isEmpty() ? null : String.join("\n", requiring), exclusion,
          exclusion == null ? null : blankAsides(exclusion, ownTreatments));
    }
  }

  private static boolean excludes(String sentence, Direction direction) {
    if (direction == Direction.EXCLUDES) {
      return !allows(sentence) && !(NOTE.matcher(sentence).find() && !SAYS_EXCLUDED.matcher(sentence).find()) && !IN_STUDY.matcher(sentence).find();
    }
    // "(ie, ECOG PS 2 participants with portal vein thrombosis are excluded)" inside a requirement is an aside
    return OPENS_NEGATED.matcher(sentence).find() || !allows(sentence) && SAYS_EXCLUDED.matcher(PARENTHESES.matcher(sentence).replaceAll(" ")).find();
  }

  /**
   * The way the criteria under a sub-heading go: as it says ("Excluded:", "Patients must be:"),
   * or, for a heading that says neither ("Prior Medication:"), the way of the stated half. A
   * heading of exceptions ("No second malignancy except:") says neither: its exceptions are
   * read by their own wording.
   */
  private static Direction turnedBy(String heading, Direction stated) {
    if (heading.toLowerCase(Locale.ROOT).contains("except")) return stated;
    if (HEADING_EXCLUDES.matcher(heading).find()) return Direction.EXCLUDES;
    if (HEADING_REQUIRES.matcher(heading).find()) return Direction.REQUIRES;
    return stated;
  }

  private static boolean allows(String sentence) {
    return !OPENS_NEGATED.matcher(sentence).find() && ALLOWS.matcher(EXCEPTION.matcher(PARENTHESES.matcher(sentence).replaceAll(" ")).replaceAll("")).find();
  }

  /** A sentence of criteria, and whether it heads the criteria below it. */
  record Sentence(String text, boolean heading) {}

  /**
   * The sentences of criteria text, each criterion's wrapped lines joined. A marked line ("-", "1.")
   * or a blank line starts a criterion; in text without any marker every line does, unless it goes
   * on in lower case from the line above (hard-wrapped records). A line of its own, not a list
   * item, that ends in a colon ("Excluded:", "Patients must have:") or names a half ("Inclusion
   * criteria") heads what follows; a list item that ends in a colon ("20. Prior therapy, except
   * the following:") heads only its own sub-items, which are read by their wording.
   */
  static List<Sentence> sentences(String text) {
    List<String> lines = text.lines().toList();
    boolean marked = lines.stream().anyMatch(line -> MARKER.matcher(line).find());
    List<Sentence> criteria = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean currentMarked = false;
    for (String line : lines) {
      boolean starts = line.isBlank() || MARKER.matcher(line).find() || line.strip().endsWith(":")
          || !marked && !Character.isLowerCase(line.strip().charAt(0));
      if (starts && !current.isEmpty()) {
        criteria.add(criterion(current.toString(), currentMarked));
        current.setLength(0);
      }
      if (line.isBlank()) continue;
      if (current.isEmpty()) currentMarked = MARKER.matcher(line).find();
      else current.append(' ');
      current.append(MARKER.matcher(line).replaceFirst("").strip());
      if (line.strip().endsWith(":")) {
        criteria.add(criterion(current.toString(), currentMarked));
        current.setLength(0);
      }
    }
    if (!current.isEmpty()) criteria.add(criterion(current.toString(), currentMarked));
    List<Sentence> sentences = new ArrayList<>();
    for (Sentence criterion : criteria) {
      if (criterion.heading()) {
        sentences.add(criterion);
        continue;
      }
      for (String sentence : SENTENCE_END.split(criterion.text())) {
        if (!sentence.isBlank()) sentences.add(new Sentence(sentence.strip(), false));
      }
    }
    return sentences;
  }

  private static Sentence criterion(String text, boolean marked) {
    return new Sentence(text.strip(), !marked && HEADING.matcher(text.strip()).matches());
  }
}
