package org.trialsearch.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.trialsearch.enrich.Vocabulary;
import org.trialsearch.index.Fields;

/**
 * Reads filter values as users write them ("Phase 2", "bcma", "Korea, Republic of") into the
 * canonical values the index holds. A value of a closed vocabulary (phase, status, age group,
 * antigen) that names nothing known is an error; countries are open, so unknown ones simply match
 * nothing.
 */
public final class FilterValues {

  static final int MAX_VALUE_LENGTH = 200;

  private final Vocabulary vocabulary;

  public FilterValues(Vocabulary vocabulary) {
    this.vocabulary = vocabulary;
  }

  public List<String> canonical(String dimension, List<String> values) {
    Set<String> out = new LinkedHashSet<>();
    for (String raw : values) {
      String value = raw == null ? "" : raw.strip();
      if (value.isEmpty()) throw new InvalidRequestException("empty value for filter '" + dimension + "'");
      if (value.length() > MAX_VALUE_LENGTH) {
        throw new InvalidRequestException("value of filter '" + dimension + "' is longer than " + MAX_VALUE_LENGTH + " characters");
      }
      out.addAll(canonical(dimension, value));
    }
    return new ArrayList<>(out);
  }

  private List<String> canonical(String dimension, String value) {
    return switch (dimension) {
      case Fields.PHASE -> known(dimension, value, vocabulary.phases().lookup(value), vocabulary.phases().canonicalValues());
      case Fields.STATUS -> known(dimension, value, vocabulary.statuses().lookup(value), vocabulary.statuses().canonicalValues());
      case Fields.AGE_GROUP -> ageGroup(value);
      case Fields.ANTIGEN -> antigen(value);
      case Fields.COUNTRY -> {
        List<String> known = vocabulary.countries().lookup(value);
        yield known.isEmpty() ? List.of(value) : known;
      }
      default -> throw new IllegalArgumentException("not a facet dimension: " + dimension);
    };
  }

  private List<String> ageGroup(String value) {
    String upper = value.toUpperCase(Locale.ROOT).replace(' ', '_');
    if (vocabulary.ageGroups().names().contains(upper)) return List.of(upper);
    throw unknown(Fields.AGE_GROUP, value, vocabulary.ageGroups().names());
  }

  private List<String> antigen(String value) {
    String antigen = vocabulary.antigens().canonical(value);
    if (antigen == null) {
      throw new InvalidRequestException("unknown antigen '" + value + "'; see GET /api/search facets for the antigens trials have");
    }
    return List.of(antigen);
  }

  private static List<String> known(String dimension, String value, List<String> found, Set<String> all) {
    if (found.isEmpty()) throw unknown(dimension, value, all);
    return found;
  }

  private static InvalidRequestException unknown(String dimension, String value, java.util.Collection<String> all) {
    return new InvalidRequestException("unknown " + dimension + " '" + value + "'; expected one of " + String.join(", ", all.stream().sorted().toList()));
  }
}
