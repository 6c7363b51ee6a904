package org.trialsearch.enrich;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.trialsearch.model.Eligibility;
import org.trialsearch.model.Intervention;
import org.trialsearch.model.Trial;
import org.trialsearch.vocabulary.SynonymGroups;

/**
 * The abbreviations a record defines for itself: "Chuvash polycythemia (CP)", "emergency department
 * (ED)", "Chronic Prostatitis/Chronic Pelvic Pain Syndrome (CP/CPPS)", and the short other names
 * of its interventions ("CF" for leucovorin calcium, "TBI" for total-body irradiation). In such a
 * record the letters mean what it says, whatever they mean elsewhere. Long forms are found as
 * Schwartz and Hearst (2003) find them: the shortest run of the words before the parentheses
 * whose letters, read backwards, hold the abbreviation's letters in order, the first at the start
 * of a word.
 */
public final class DefinedAbbreviations {

  /** Letters, and the words the record says they stand for. */
  public record Definition(String letters, String longForm) {}

  /** Words in parentheses short enough to be abbreviations, one or a few ("CP/CPPS", "HSCT; SCT"). */
  private static final Pattern IN_PARENTHESES = Pattern.compile("\\(([^()\\n]{2,24})\\)");
  private static final Pattern ABBREVIATION_SEPARATORS = Pattern.compile("\\s*[/;,]\\s*|\\s+or\\s+");
  /**
   * Where the words before the parentheses stop: the end of a sentence or a criterion, a blank line
   * or another parenthesis. Not a line break alone: registry text wraps inside names ("pulmonary\n
   * hypertension (PHT)").
   */
  private static final Pattern CLAUSE_START = Pattern.compile(".*(?:[.;:()\\[\\]]|\\n\\s*\\n|\\n\\s*(?:[-*•]|\\d{1,3}[.)])\\s)", Pattern.DOTALL);
  /** How far back a long form is looked for, at most. */
  private static final int LOOK_BACK = 160;

  private DefinedAbbreviations() {}

  /**
   * The definitions in a trial's titles, summary, description, criteria, conditions, keywords,
   * interventions and arms ("Digital patient education about insomnia (PE)").
   */
  public static List<Definition> of(Trial trial) {
    Set<Definition> found = new LinkedHashSet<>();
    Eligibility eligibility = trial.eligibility();
    Stream.of(Stream.of(trial.briefTitle(), trial.officialTitle(), trial.briefSummary(), trial.detailedDescription(),
            eligibility == null ? null : eligibility.criteria()), trial.conditions().stream(), trial.keywords().stream(),
            trial.interventions().stream().flatMap(i -> Stream.of(i.name(), i.description())),
            trial.arms().stream().flatMap(a -> Stream.of(a.label(), a.description())))
        .flatMap(s -> s).filter(text -> text != null && text.indexOf('(') >= 0).forEach(text -> found.addAll(in(text)));
    for (Intervention intervention : trial.interventions()) {
      if (intervention.name() == null || intervention.name().isBlank()) continue;
      for (String other : intervention.otherNames()) {
        if (other != null && SynonymGroups.LETTERS.matcher(other.strip()).matches()) found.add(new Definition(other.strip(), intervention.name().strip()));
      }
    }
    return List.copyOf(found);
  }

  /** The definitions written in a text: a long form followed by its letters in parentheses. */
  static List<Definition> in(String text) {
    List<Definition> found = new ArrayList<>();
    Matcher parentheses = IN_PARENTHESES.matcher(text);
    while (parentheses.find()) {
      String before = clauseBefore(text, parentheses.start());
      for (String letters : ABBREVIATION_SEPARATORS.split(parentheses.group(1).strip())) {
        if (!SynonymGroups.LETTERS.matcher(letters).matches()) continue;
        String longForm = longForm(letters, lastWords(before, Math.min(letters.length() + 5, letters.length() * 2)));
        if (longForm != null && longForm.length() > letters.length()) found.add(new Definition(letters, longForm));
      }
    }
    return found;
  }

  private static String clauseBefore(String text, int end) {
    String before = text.substring(Math.max(0, end - LOOK_BACK), end);
    Matcher start = CLAUSE_START.matcher(before);
    return (start.lookingAt() ? before.substring(start.end()) : before).strip();
  }

  private static String lastWords(String text, int count) {
    String[] words = text.split("\\s+");
    return String.join(" ", List.of(words).subList(Math.max(0, words.length - count), words.length));
  }

  /**
   * The shortest end of {@code words} that holds the letters in order, reading both backwards, the
   * first letter at the start of a word; null when none does.
   */
  static String longForm(String letters, String words) {
    int inLetters = letters.length() - 1;
    int inWords = words.length() - 1;
    while (inLetters >= 0) {
      char letter = Character.toLowerCase(letters.charAt(inLetters));
      if (!Character.isLetterOrDigit(letter)) {
        inLetters--;
        continue;
      }
      while (inWords >= 0 && (Character.toLowerCase(words.charAt(inWords)) != letter
          || inLetters == 0 && inWords > 0 && Character.isLetterOrDigit(words.charAt(inWords - 1)))) {
        inWords--;
      }
      if (inWords < 0) return null;
      inWords--;
      inLetters--;
    }
    return withWordBefore(letters, words, inWords + 1).replaceAll("\\s+", " ");
  }

  /**
   * A long form of one word whose letters all come from it ("Carcinoma" for CRC, "Myeloma" for
   * MM) with the word before it when that starts with the first letter too: "Colorectal
   * Carcinoma", "Multiple Myeloma".
   */
  private static String withWordBefore(String letters, String words, int start) {
    String longForm = words.substring(start);
    if (longForm.contains(" ") || start < 2) return longForm;
    int before = words.lastIndexOf(' ', start - 2) + 1;
    return Character.toLowerCase(words.charAt(before)) == Character.toLowerCase(letters.charAt(0)) ? words.substring(before) : longForm;
  }
}
