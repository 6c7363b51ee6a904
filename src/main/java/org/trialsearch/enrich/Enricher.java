package org.trialsearch.enrich;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.trialsearch.merge.TrialMerger;
import org.trialsearch.model.Eligibility;
import org.trialsearch.model.Site;
import org.trialsearch.model.Trial;

/** Derives a trial's facets from what its sources state, through the vocabulary. */
public final class Enricher {

  private final Vocabulary vocabulary;
  private final AntigenTagger antigenTagger;

  public Enricher(Vocabulary vocabulary) {
    this.vocabulary = vocabulary;
    this.antigenTagger = new AntigenTagger(vocabulary.antigens(), vocabulary.cellTherapy());
  }

  public EnrichedTrial enrich(TrialMerger.Merged merged) {
    return new EnrichedTrial(merged.trial(), merged.fieldSources(), facets(merged.trial()));
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
    return new TrialFacets(
        status(trial.status()),
        vocabulary.phases().inVocabularyOrder(vocabulary.phases().normalizeAll(trial.phases(), true)),
        antigenTagger.antigens(trial),
        countries(trial),
        groups,
        agesStated,
        min,
        max);
  }

  /** The registry's enum value; a spelling the vocabulary lacks is kept in the same UPPER_SNAKE form. */
  private String status(String stated) {
    if (stated == null || stated.isBlank()) return null;
    List<String> known = vocabulary.statuses().lookup(stated);
    if (!known.isEmpty()) return known.get(0);
    return Fold.words(stated).replace(' ', '_').toUpperCase(Locale.ROOT);
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
