package org.trialsearch.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.trialsearch.enrich.Enricher;
import org.trialsearch.error.InvalidRequestException;
import org.trialsearch.index.Fields;
import org.trialsearch.vocabulary.CanonicalNames;
import org.trialsearch.vocabulary.Fold;
import org.trialsearch.vocabulary.Vocabulary;

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
      // every value the index holds has a letter or digit; one without ("-", a no-break space) names nothing
      if (Fold.words(value).isEmpty()) {
        throw new InvalidRequestException("value of filter '" + dimension + "' has no letter or digit: '" + value + "'");
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
      case Fields.MODALITY -> modality(value);
      case Fields.SPONSOR_TYPE -> known(dimension, value, vocabulary.sponsorTypes().lookup(value), vocabulary.sponsorTypes().canonicalValues());
      case Fields.STUDY_TYPE -> known(dimension, value, vocabulary.studyTypes().lookup(value), vocabulary.studyTypes().canonicalValues());
      case Fields.SEX -> known(dimension, value, vocabulary.sexes().lookup(value), vocabulary.sexes().canonicalValues());
      case Fields.INTERVENTION_TYPE -> List.of(CanonicalNames.upperSnake(value));
      case Fields.CONDITION_FACET -> List.of(value);
      case Fields.START_YEAR -> {
        if (!value.matches("\\d{4}")) throw new InvalidRequestException("start_year must be a year such as 2021, got '" + value + "'");
        yield List.of(value);
      }
      case Fields.HEALTHY_VOLUNTEERS -> switch (value.toLowerCase(Locale.ROOT)) {
        case "yes", "true" -> List.of("yes");
        case "no", "false" -> List.of("no");
        default -> throw new InvalidRequestException("healthy_volunteers must be yes or no, got '" + value + "'");
      };
      default -> throw new IllegalArgumentException("not a facet dimension: " + dimension);
    };
  }

  private List<String> ageGroup(String value) {
    String upper = value.toUpperCase(Locale.ROOT).replace(' ', '_');
    if (vocabulary.ageGroups().names().contains(upper)) return List.of(upper);
    throw unknown(Fields.AGE_GROUP, value, vocabulary.ageGroups().names());
  }

  private List<String> modality(String value) {
    List<String> all = new java.util.ArrayList<>(vocabulary.cellTherapy().kinds());
    all.add(Enricher.NOT_CELL_THERAPY);
    for (String kind : all) {
      if (kind.equalsIgnoreCase(value.replace('_', ' ')) || kind.equalsIgnoreCase(value)) return List.of(kind);
    }
    throw unknown(Fields.MODALITY, value, all);
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
