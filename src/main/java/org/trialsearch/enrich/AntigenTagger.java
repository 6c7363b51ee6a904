package org.trialsearch.enrich;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.trialsearch.model.Arm;
import org.trialsearch.model.Intervention;
import org.trialsearch.model.Trial;
import org.trialsearch.vocabulary.AntigenDictionary;
import org.trialsearch.vocabulary.CellTherapyMarkers;
import org.trialsearch.vocabulary.PhraseMatcher;

/**
 * The kind of cell therapy a trial studies, and the antigens its engineered cells target. A kind
 * counts when the titles, interventions or arms name it (or a known product); a summary alone
 * counts only with a biological or genetic intervention, since summaries of drug trials often
 * mention prior CAR-T. Antigens come from the titles, interventions and arms; the summary and
 * intervention descriptions are read only when those name none, because summaries also mention
 * the targets of earlier treatments. Only engineered kinds (not "other cell therapy") get antigens.
 */
final class AntigenTagger {

  /** What a trial's cell therapy is: its kinds (at least one) and target antigens. */
  record Tags(List<String> modalities, List<String> antigens) {}

  static final String NOT_CELL_THERAPY = "Not cell therapy";
  private static final String CAR_T = "CAR-T";
  private static final String CAR_NK = "CAR-NK";

  private final AntigenDictionary dictionary;
  private final CellTherapyMarkers markers;

  AntigenTagger(AntigenDictionary dictionary, CellTherapyMarkers markers) {
    this.dictionary = dictionary;
    this.markers = markers;
  }

  Tags tag(Trial trial) {
    PhraseMatcher.Text primary = new PhraseMatcher.Text(primaryText(trial));
    PhraseMatcher.Text secondary = new PhraseMatcher.Text(secondaryText(trial));
    Set<AntigenDictionary.Product> products = new LinkedHashSet<>(dictionary.productsNamedIn(primary));
    products.addAll(dictionary.productsNamedIn(secondary));
    Set<String> kinds = new LinkedHashSet<>(markers.kindsNamedIn(primary));
    if (hasBiologicalOrGeneticIntervention(trial)) kinds.addAll(markers.kindsNamedIn(secondary));
    if (!products.isEmpty()) kinds.add(CAR_T);
    if (kinds.contains(CAR_NK)) kinds.remove(CAR_T); // "CAR" alone also marks CAR-T
    List<String> engineered = kinds.stream().filter(k -> !k.equals(markers.notEngineered())).toList();
    if (!engineered.isEmpty()) return new Tags(inFileOrder(engineered), antigens(primary, secondary, products));
    if (!kinds.isEmpty()) return new Tags(List.copyOf(kinds), List.of());
    return new Tags(List.of(NOT_CELL_THERAPY), List.of());
  }

  private List<String> antigens(PhraseMatcher.Text primary, PhraseMatcher.Text secondary, Set<AntigenDictionary.Product> products) {
    Set<String> found = new LinkedHashSet<>(dictionary.antigensNamedIn(primary));
    dictionary.productsNamedIn(primary).forEach(p -> found.addAll(p.antigens()));
    if (found.isEmpty()) {
      found.addAll(dictionary.antigensNamedIn(secondary));
      products.forEach(p -> found.addAll(p.antigens()));
    }
    return dictionary.inDictionaryOrder(found);
  }

  private List<String> inFileOrder(List<String> kinds) {
    List<String> ordered = new ArrayList<>(markers.kinds());
    ordered.retainAll(kinds);
    return ordered;
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
