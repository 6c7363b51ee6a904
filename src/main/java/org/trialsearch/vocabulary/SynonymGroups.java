package org.trialsearch.vocabulary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.trialsearch.config.VocabularyFile.Entry;

/**
 * Words and phrases that mean the same for search: the groups of {@code synonyms.txt}, each
 * antigen with its spellings, and one-way rules from a product's names to its antigens, from an
 * abbreviation of several senses to each of them ({@code abbreviations.txt}) and from the names of
 * a class of drugs or procedures to its members ({@code classes.txt}). Members written in double
 * quotes are case-sensitive words ("ALL", "MM", "MET").
 */
public final class SynonymGroups {

  /** Equivalent spellings, and (for products, abbreviations of several senses and classes) what a query for them also finds. */
  public record Group(List<String> members, List<String> alsoFinds) {}

  /** Letters as abbreviations are written: capitals and digits, a capital first ("CP", "TBI", "CPPS"). */
  public static final Pattern LETTERS = Pattern.compile("[A-Z][A-Z0-9]{1,7}");

  private final List<Group> groups = new ArrayList<>();
  private final Set<String> caseSensitiveWords = new LinkedHashSet<>();
  private final Map<String, List<String>> senses = new LinkedHashMap<>();
  private final Set<String> ambiguousLetters = new LinkedHashSet<>();

  SynonymGroups(List<Entry> diseaseEntries, List<Entry> abbreviationEntries, List<Entry> classEntries, AntigenDictionary antigens) {
    for (Entry entry : diseaseEntries) {
      Group group = add(entry.left(), List.of());
      addSenses(group.members());
    }
    for (Entry entry : abbreviationEntries) {
      if (entry.left().size() != 1) throw entry.error("expected one abbreviation before '=>', found " + entry.left().size());
      Group group = add(entry.left(), entry.right());
      addSenses(Stream.concat(group.members().stream(), group.alsoFinds().stream()).toList());
      ambiguousLetters.addAll(group.members());
    }
    for (Entry entry : classEntries) add(entry.left(), entry.right());
    for (String antigen : antigens.antigens()) {
      List<String> members = new ArrayList<>(List.of(antigen));
      members.addAll(antigens.synonyms(antigen));
      add(members, List.of());
    }
    for (AntigenDictionary.Product product : antigens.products()) add(product.names(), product.antigens());
  }

  /** The letters among names that mean the same, with the names written out: what the letters stand for. */
  private void addSenses(List<String> names) {
    List<String> writtenOut = names.stream().filter(name -> !LETTERS.matcher(name).matches()).toList();
    if (writtenOut.isEmpty()) return;
    for (String name : names) {
      if (LETTERS.matcher(name).matches()) senses.computeIfAbsent(name, letters -> new ArrayList<>()).addAll(writtenOut);
    }
  }

  private Group add(List<String> spellings, List<String> alsoFinds) {
    List<String> members = new ArrayList<>();
    for (String spelling : spellings) {
      if (spelling.length() > 2 && spelling.startsWith("\"") && spelling.endsWith("\"")) {
        String word = spelling.substring(1, spelling.length() - 1);
        caseSensitiveWords.add(word);
        members.add(word);
      } else {
        members.add(spelling);
      }
    }
    Group group = new Group(members, alsoFinds);
    groups.add(group);
    return group;
  }

  public List<Group> groups() {
    return List.copyOf(groups);
  }

  /**
   * Abbreviations of the diseases and of the several-sense abbreviations, each with what it stands
   * for: "CP" cerebral palsy; "RA" rheumatoid arthritis, refractory anemia.
   */
  public Map<String, List<String>> senses() {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    senses.forEach((letters, names) -> copy.put(letters, List.copyOf(names)));
    return copy;
  }

  /**
   * The abbreviations of {@code abbreviations.txt}: letters that as often mean something else
   * ("RA" is also refractory anaemia, "CF" a leucovorin), so that a record writing them is no
   * surer to mean a sense than one writing the sense out.
   */
  public Set<String> ambiguousLetters() {
    return Set.copyOf(ambiguousLetters);
  }

  /** Words that mean something else in lower case, indexed apart from the lower-case word. */
  public Set<String> caseSensitiveWords() {
    return Set.copyOf(caseSensitiveWords);
  }
}
