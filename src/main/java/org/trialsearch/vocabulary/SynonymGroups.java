package org.trialsearch.vocabulary;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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

  private final List<Group> groups = new ArrayList<>();
  private final Set<String> caseSensitiveWords = new LinkedHashSet<>();

  SynonymGroups(List<Entry> diseaseEntries, List<Entry> abbreviationEntries, List<Entry> classEntries, AntigenDictionary antigens) {
    for (Entry entry : diseaseEntries) add(entry.left(), List.of());
    for (Entry entry : abbreviationEntries) {
      if (entry.left().size() != 1) throw entry.error("expected one abbreviation before '=>', found " + entry.left().size());
      add(entry.left(), entry.right());
    }
    for (Entry entry : classEntries) add(entry.left(), entry.right());
    for (String antigen : antigens.antigens()) {
      List<String> members = new ArrayList<>(List.of(antigen));
      members.addAll(antigens.synonyms(antigen));
      add(members, List.of());
    }
    for (AntigenDictionary.Product product : antigens.products()) add(product.names(), product.antigens());
  }

  private void add(List<String> spellings, List<String> alsoFinds) {
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
    groups.add(new Group(members, alsoFinds));
  }

  public List<Group> groups() {
    return List.copyOf(groups);
  }

  /** Words that mean something else in lower case, indexed apart from the lower-case word. */
  public Set<String> caseSensitiveWords() {
    return Set.copyOf(caseSensitiveWords);
  }
}
