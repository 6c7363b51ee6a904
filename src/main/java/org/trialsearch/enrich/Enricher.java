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
    return new TrialFacets(
        status(trial.status()),
        vocabulary.phases().normalizeAll(trial.phases(), true),
        antigenTagger.antigens(trial),
        countries(trial),
        ageGroups(trial.eligibility()),
        trial.eligibility() != null);
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
    if (eligibility == null) return List.of();
    List<String> stated = vocabulary.ageGroups().names().stream()
        .filter(group -> eligibility.stdAges().stream().anyMatch(age -> age.equalsIgnoreCase(group)))
        .toList();
    if (!stated.isEmpty()) return stated;
    return vocabulary.ageGroups().overlapping(eligibility.minimumAgeYears(), eligibility.maximumAgeYears());
  }
}
