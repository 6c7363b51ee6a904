package org.trialsearch.enrich;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.trialsearch.model.Arm;
import org.trialsearch.model.Intervention;
import org.trialsearch.model.Trial;

/**
 * The antigens a trial's engineered cell therapy targets. A trial counts as a cell-therapy trial
 * when its titles, interventions or arms name one (or a known product does); a summary alone
 * counts only with a biological or genetic intervention, since summaries of drug trials often
 * mention prior CAR-T. Antigens come from the titles, interventions and arms; the summary and
 * intervention descriptions are read only when those name none, because summaries also mention
 * the targets of earlier treatments.
 */
final class AntigenTagger {

  private final AntigenDictionary dictionary;
  private final CellTherapyMarkers markers;

  AntigenTagger(AntigenDictionary dictionary, CellTherapyMarkers markers) {
    this.dictionary = dictionary;
    this.markers = markers;
  }

  List<String> antigens(Trial trial) {
    PhraseMatcher.Text primary = new PhraseMatcher.Text(primaryText(trial));
    PhraseMatcher.Text secondary = new PhraseMatcher.Text(secondaryText(trial));
    Set<AntigenDictionary.Product> products = new LinkedHashSet<>(dictionary.productsNamedIn(primary));
    products.addAll(dictionary.productsNamedIn(secondary));
    if (!isCellTherapy(trial, primary, secondary, !products.isEmpty())) return List.of();

    Set<String> found = new LinkedHashSet<>(dictionary.antigensNamedIn(primary));
    dictionary.productsNamedIn(primary).forEach(p -> found.addAll(p.antigens()));
    if (found.isEmpty()) {
      found.addAll(dictionary.antigensNamedIn(secondary));
      products.forEach(p -> found.addAll(p.antigens()));
    }
    return dictionary.inDictionaryOrder(found);
  }

  private boolean isCellTherapy(Trial trial, PhraseMatcher.Text primary, PhraseMatcher.Text secondary, boolean namesProduct) {
    if (namesProduct || !markers.kindsNamedIn(primary).isEmpty()) return true;
    return !markers.kindsNamedIn(secondary).isEmpty() && hasBiologicalOrGeneticIntervention(trial);
  }

  private static boolean hasBiologicalOrGeneticIntervention(Trial trial) {
    return trial.interventions().isEmpty()
        || trial.interventions().stream().map(Intervention::type).filter(Objects::nonNull)
            .anyMatch(type -> type.equalsIgnoreCase("BIOLOGICAL") || type.equalsIgnoreCase("GENETIC"));
  }

  private static String primaryText(Trial trial) {
    Stream<String> titles = Stream.of(trial.briefTitle(), trial.officialTitle(), trial.acronym());
    Stream<String> interventions = trial.interventions().stream()
        .flatMap(i -> Stream.concat(Stream.of(i.name()), i.otherNames().stream()));
    Stream<String> arms = trial.arms().stream()
        .flatMap(a -> Stream.concat(Stream.of(a.label()), a.interventionNames().stream()));
    return join(Stream.of(titles, interventions, arms, trial.keywords().stream()).flatMap(s -> s));
  }

  private static String secondaryText(Trial trial) {
    Stream<String> descriptions = Stream.concat(
        trial.interventions().stream().map(Intervention::description),
        trial.arms().stream().map(Arm::description));
    return join(Stream.concat(Stream.of(trial.briefSummary()), descriptions));
  }

  private static String join(Stream<String> parts) {
    return String.join(" \n ", parts.filter(Objects::nonNull).toList());
  }
}
