package org.trialsearch.index;

import java.time.LocalDate;
import java.util.List;
import org.trialsearch.enrich.EnrichedTrial;
import org.trialsearch.enrich.TrialFacets;
import org.trialsearch.model.Eligibility;
import org.trialsearch.model.Trial;

/**
 * What a result list shows of a trial: its id, title, status (with the one the sources state, as
 * of which date and from which kind of source), phases, antigens,
 * countries and age groups, age limits in years (null = no limit), conditions, lead sponsor and
 * dates. Kept with every trial in the index ({@link StoredHit}) and shown in every hit.
 */
public record TrialSummary(
    String nctId,
    String title,
    String status,
    String statusStated,
    LocalDate statusAsOf,
    String statusSource,
    List<String> phases,
    List<String> antigens,
    List<String> countries,
    List<String> ageGroups,
    Double minimumAge,
    Double maximumAge,
    List<String> conditions,
    String sponsor,
    LocalDate startDate,
    LocalDate lastUpdate) {

  public static TrialSummary of(EnrichedTrial enriched) {
    Trial trial = enriched.trial();
    TrialFacets facets = enriched.facets();
    Eligibility eligibility = trial.eligibility();
    return new TrialSummary(trial.nctId(), trial.displayTitle(), facets.status(), facets.statusStated(), facets.statusAsOf(),
        facets.statusSource(), facets.phases(), facets.antigens(),
        facets.countries(), facets.ageGroups(),
        eligibility == null ? null : eligibility.minimumAgeYears(),
        eligibility == null ? null : eligibility.maximumAgeYears(),
        trial.conditions(), trial.sponsor() == null ? null : trial.sponsor().lead(), trial.startDate(), trial.lastUpdate());
  }
}
