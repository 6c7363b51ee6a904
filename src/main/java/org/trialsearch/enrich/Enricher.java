package org.trialsearch.enrich;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.trialsearch.model.Eligibility;
import org.trialsearch.model.Intervention;
import org.trialsearch.model.Site;
import org.trialsearch.model.SourceRef;
import org.trialsearch.model.Trial;
import org.trialsearch.vocabulary.CanonicalNames;
import org.trialsearch.vocabulary.Vocabulary;

/** Derives a trial's facets from what its sources state, through the vocabulary. */
public final class Enricher {

  /** The modality of a trial that studies no cell therapy. */
  public static final String NOT_CELL_THERAPY = AntigenTagger.NOT_CELL_THERAPY;

  /**
   * The statuses that say a trial is still open. The registry shows such a status as "Unknown
   * status" once it has not been verified for two years, and so does the status facet.
   */
  private static final Set<String> OPEN_STATUSES = Set.of("RECRUITING", "NOT_YET_RECRUITING", "ACTIVE_NOT_RECRUITING", "ENROLLING_BY_INVITATION");
  private static final String UNKNOWN = "UNKNOWN";
  private static final int YEARS_AN_OPEN_STATUS_HOLDS = 2;

  private final Vocabulary vocabulary;
  private final AntigenTagger antigenTagger;
  private final Clock clock;

  public Enricher(Vocabulary vocabulary) {
    this(vocabulary, Clock.systemUTC());
  }

  /** @param clock what "today" is for the two-year rule of open statuses */
  public Enricher(Vocabulary vocabulary, Clock clock) {
    this.vocabulary = vocabulary;
    this.antigenTagger = new AntigenTagger(vocabulary.antigens(), vocabulary.cellTherapy());
    this.clock = clock;
  }

  /** The facets of a trial read from one record. */
  public TrialFacets facets(Trial trial) {
    return facets(trial, trial.sources().isEmpty() ? null : trial.sources().get(0));
  }

  /**
   * The facets of a trial.
   *
   * @param statusSource the source that gave the trial its status (null when none did)
   */
  public TrialFacets facets(Trial trial, SourceRef statusSource) {
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
    String stated = status(trial.status());
    LocalDate asOf = stated == null ? null : statusAsOf(trial, statusSource);
    return new TrialFacets(
        current(stated, asOf),
        stated,
        asOf,
        stated == null || statusSource == null ? null : statusSource.format().name(),
        vocabulary.phases().inVocabularyOrder(vocabulary.phases().normalizeAll(trial.phases(), false)),
        tags.antigens(),
        countries(trial),
        groups,
        agesStated,
        min,
        max,
        tags.modalities(),
        trial.sponsor() == null ? null : vocabulary.sponsorTypes().oneOf(trial.sponsor().leadClass()),
        vocabulary.studyTypes().oneOf(trial.studyType()),
        trial.interventions().stream().map(Intervention::type).filter(t -> t != null && !t.isBlank()).map(CanonicalNames::upperSnake).distinct().toList(),
        trial.startDate() == null ? null : trial.startDate().getYear(),
        eligibility == null ? null : vocabulary.sexes().oneOf(eligibility.sex()),
        eligibility == null ? null : eligibility.healthyVolunteers());
  }

  private String status(String stated) {
    return vocabulary.statuses().oneOf(stated);
  }

  /** The date the status was verified; else the last update of the record that gave it. */
  private static LocalDate statusAsOf(Trial trial, SourceRef statusSource) {
    if (trial.statusVerified() != null) return trial.statusVerified();
    if (statusSource != null && statusSource.lastUpdate() != null) return statusSource.lastUpdate();
    return trial.lastUpdate();
  }

  /** The stated status, unless it says the trial is open and nobody has said so for two years. */
  private String current(String stated, LocalDate asOf) {
    if (stated == null || !OPEN_STATUSES.contains(stated)) return stated;
    LocalDate limit = LocalDate.now(clock).minusYears(YEARS_AN_OPEN_STATUS_HOLDS);
    return asOf == null || asOf.isBefore(limit) ? UNKNOWN : stated;
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
