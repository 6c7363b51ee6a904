package org.trialsearch.vocabulary;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.trialsearch.config.VocabularyFile.Entry;

/**
 * CAR target antigens with their synonyms and spellings ({@code antigens.txt}), and cell-therapy
 * products with the antigens they target ({@code products.txt}).
 */
public final class AntigenDictionary {

  /** A product: its names (generic first, then codes and brand names) and the antigens it targets. */
  public record Product(List<String> names, List<String> antigens) {}

  private final Map<String, List<String>> synonymsByAntigen = new LinkedHashMap<>();
  private final List<Product> products = new ArrayList<>();
  private final Map<String, String> antigenByKey = new HashMap<>();
  private final PhraseMatcher<String> antigenPhrases = new PhraseMatcher<>();
  private final PhraseMatcher<Product> productPhrases = new PhraseMatcher<>();

  AntigenDictionary(List<Entry> antigenEntries, List<Entry> productEntries) {
    for (Entry entry : antigenEntries) addAntigen(entry);
    for (Entry entry : productEntries) addProduct(entry);
  }

  private void addAntigen(Entry entry) {
    String antigen = entry.single();
    if (synonymsByAntigen.containsKey(antigen)) throw entry.error("antigen '" + antigen + "' is listed twice");
    synonymsByAntigen.put(antigen, entry.left());
    // a name that is also an English word ("MET") is listed in quotes: then it matches only as written
    boolean onlyAsWritten = entry.left().contains("\"" + antigen + "\"");
    for (String phrase : concat(List.of(antigen), entry.left())) {
      String key = Fold.key(unquote(phrase));
      String previous = antigenByKey.putIfAbsent(key, antigen);
      if (previous != null && !previous.equals(antigen)) {
        throw entry.error("'" + phrase + "' already names antigen " + previous);
      }
      if (!(onlyAsWritten && phrase.equals(antigen))) antigenPhrases.add(phrase, antigen);
    }
  }

  private void addProduct(Entry entry) {
    for (String antigen : entry.right()) {
      if (!synonymsByAntigen.containsKey(antigen)) {
        throw entry.error("unknown antigen '" + antigen + "' (not in antigens.txt)");
      }
    }
    Product product = new Product(entry.left(), entry.right());
    products.add(product);
    for (String name : entry.left()) productPhrases.add(name, product);
  }

  /** Canonical antigen names in dictionary order. */
  public List<String> antigens() {
    return List.copyOf(synonymsByAntigen.keySet());
  }

  public List<String> synonyms(String antigen) {
    return synonymsByAntigen.getOrDefault(antigen, List.of());
  }

  public List<Product> products() {
    return List.copyOf(products);
  }

  /** The canonical antigen a user's spelling names ("bcma", "B-cell maturation antigen", "Kymriah"), or null. */
  public String canonical(String spelling) {
    String key = Fold.key(spelling);
    String antigen = antigenByKey.get(key);
    if (antigen != null) return antigen;
    for (Product product : products) {
      for (String name : product.names()) {
        if (Fold.key(unquote(name)).equals(key) && product.antigens().size() == 1) return product.antigens().get(0);
      }
    }
    return null;
  }

  public Set<String> antigensNamedIn(PhraseMatcher.Text text) {
    return antigenPhrases.find(text);
  }

  public Set<Product> productsNamedIn(PhraseMatcher.Text text) {
    return productPhrases.find(text);
  }

  /** Orders antigens as the dictionary lists them. */
  public List<String> inDictionaryOrder(Set<String> found) {
    return synonymsByAntigen.keySet().stream().filter(found::contains).toList();
  }

  private static String unquote(String phrase) {
    return phrase.startsWith("\"") && phrase.endsWith("\"") && phrase.length() > 2 ? phrase.substring(1, phrase.length() - 1) : phrase;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
