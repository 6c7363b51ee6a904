package org.trialsearch.enrich;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.trialsearch.model.Eligibility;
import org.trialsearch.model.Intervention;
import org.trialsearch.model.Site;
import org.trialsearch.model.Trial;
import org.trialsearch.vocabulary.CanonicalNames;
import org.trialsearch.vocabulary.Fold;
import org.trialsearch.vocabulary.Vocabulary;

/** Derives a trial's facets from what its sources state, through the vocabulary. */
public final class Enricher {

  /** The modality of a trial that studies no cell therapy. */
  public static final String NOT_CELL_THERAPY = AntigenTagger.NOT_CELL_THERAPY;

  private final Vocabulary vocabulary;
  private final AntigenTagger antigenTagger;

  public Enricher(Vocabulary vocabulary) {
    this.vocabulary = vocabulary;
    this.antigenTagger = new AntigenTagger(vocabulary.antigens(), vocabulary.cellTherapy());
  }

  public TrialFacets facets(Trial trial) {
    Eligibility eligibility = trial.eligibility();
    boolean agesStated = eligibility != null && Boolean.TRUE.equals(eligibility.agesStated());
    List<String> groups = agesStated ? ageGroups(eligibility) : List.of();
    Double min = agesStated ? eligibility.minimumAgeYears() : null;
    Double max = agesStated ? eligibility.maximumAgeYears() : null;
    if (agesStated && min == null && max == null && !eligibility.stdAges().isEmpty()) {
      // groups without limits (a website CSV's "Age" column): the groups' bounds are the limits
      min = vocabulary.ageGroups().lowest(groups);
      max = vocabulary.ageGroups().highest(groups);
    }
    AntigenTagger.Tags tags = antigenTagger.tag(trial);
    return new TrialFacets(
        status(trial.status()),
        vocabulary.phases().inVocabularyOrder(vocabulary.phases().normalizeAll(trial.phases(), false)),
        tags.antigens(),
        countries(trial),
        groups,
        agesStated,
        min,
        max,
        tags.modalities(),
        trial.sponsor() == null ? null : oneOf(vocabulary.sponsorTypes(), trial.sponsor().leadClass()),
        oneOf(vocabulary.studyTypes(), trial.studyType()),
        trial.interventions().stream().map(Intervention::type).filter(t -> t != null && !t.isBlank()).map(Enricher::upperSnake).distinct().toList(),
        trial.startDate() == null ? null : trial.startDate().getYear(),
        eligibility == null ? null : oneOf(vocabulary.sexes(), eligibility.sex()),
        eligibility == null ? null : eligibility.healthyVolunteers());
  }

  /** The canonical value of a spelling; one the vocabulary lacks is kept in UPPER_SNAKE form. */
  private static String oneOf(CanonicalNames names, String stated) {
    if (stated == null || stated.isBlank()) return null;
    List<String> known = names.lookup(stated);
    return known.isEmpty() ? upperSnake(stated) : known.get(0);
  }

  /** "Dietary supplement" and "dietary-supplement" alike: DIETARY_SUPPLEMENT. */
  public static String upperSnake(String text) {
    return Fold.words(text).replace(' ', '_').toUpperCase(Locale.ROOT);
  }

  private String status(String stated) {
    return oneOf(vocabulary.statuses(), stated);
  }

  private List<String> countries(Trial trial) {
    List<String> stated = new ArrayList<>(trial.countries());
    trial.sites().stream().map(Site::country).forEach(stated::add);
    return vocabulary.countries().normalizeAll(stated, true);
  }

  private List<String> ageGroups(Eligibility eligibility) {
    List<String> stated = vocabulary.ageGroups().names().stream()
        .filter(group -> eligibility.stdAges().stream().anyMatch(age -> age.equalsIgnoreCase(group)))
        .toList();
    if (!stated.isEmpty()) return stated;
    return vocabulary.ageGroups().overlapping(eligibility.minimumAgeYears(), eligibility.maximumAgeYears());
  }
}
