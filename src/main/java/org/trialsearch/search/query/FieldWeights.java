package org.trialsearch.search.query;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.trialsearch.config.ConfigSource;
import org.trialsearch.config.VocabularyFile.Entry;
import org.trialsearch.index.Fields;

/**
 * The fields an unfielded query searches and their weights, and whether queries add synonyms,
 * from {@code search-fields.txt}.
 */
public record FieldWeights(Map<String, Float> weights, boolean synonyms) {

  public FieldWeights {
    weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights));
  }

  public static FieldWeights load(ConfigSource source) {
    Map<String, Float> weights = new LinkedHashMap<>();
    boolean synonyms = true;
    for (Entry entry : source.entries("search-fields.txt")) {
      if (entry.left().get(0).equals("@synonyms")) {
        synonyms = switch (entry.single()) {
          case "on" -> true;
          case "off" -> false;
          default -> throw entry.error("@synonyms is on or off, got '" + entry.single() + "'");
        };
        continue;
      }
      for (String field : entry.left()) {
        if (!Fields.TEXT_FIELDS.contains(field)) {
          throw entry.error("unknown field '" + field + "'; fields are " + String.join(", ", Fields.TEXT_FIELDS));
        }
        weights.put(field, weight(entry));
      }
    }
    if (weights.isEmpty()) throw new org.trialsearch.config.ConfigException("search-fields.txt names no field");
    return new FieldWeights(weights, synonyms);
  }

  private static float weight(Entry entry) {
    try {
      float weight = Float.parseFloat(entry.single());
      if (weight > 0 && Float.isFinite(weight)) return weight;
    } catch (NumberFormatException e) {
      // reported below
    }
    throw entry.error("weight must be a positive number, got '" + entry.single() + "'");
  }
}
