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
 * counts when the titles, interventions or arms name it (or a known product); a summary counts
 * only when an intervention is, or may be, biological or genetic (an intervention of no stated
 * type may be anything), since summaries of drug trials often mention prior CAR-T. Antigens come
 * from the titles, interventions and arms; the summary and intervention descriptions are read only
 * when those name none, because summaries also mention the targets of earlier treatments. Within
 * each, mentions that name no target are set apart ({@link TargetText}), and an antigen the
 * patients' cells carry counts only when nothing else is named. Only engineered kinds (not "other
 * cell therapy") get antigens.
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
    String primaryText = primaryText(trial);
    String secondaryText = secondaryText(trial);
    TargetText primary = TargetText.of(primaryText);
    TargetText secondary = TargetText.of(secondaryText);
    // products are named as written ("LCAR-B38M", "JCAR017"), not in the written-out shorthand
    Set<AntigenDictionary.Product> primaryProducts = dictionary.productsNamedIn(new PhraseMatcher.Text(primaryText));
    Set<AntigenDictionary.Product> secondaryProducts = dictionary.productsNamedIn(new PhraseMatcher.Text(secondaryText));
    Set<String> kinds = new LinkedHashSet<>(markers.kindsNamedIn(new PhraseMatcher.Text(TargetText.writtenOut(primaryText))));
    if (mayBeBiological(trial)) kinds.addAll(markers.kindsNamedIn(new PhraseMatcher.Text(TargetText.writtenOut(secondaryText))));
    if (!primaryProducts.isEmpty() || !secondaryProducts.isEmpty()) kinds.add(CAR_T);
    if (kinds.contains(CAR_NK)) kinds.remove(CAR_T); // "CAR" alone also marks CAR-T
    List<String> engineered = kinds.stream().filter(k -> !k.equals(markers.notEngineered())).toList();
    if (!engineered.isEmpty()) return new Tags(inFileOrder(engineered), antigens(primary, primaryProducts, secondary, secondaryProducts));
    if (!kinds.isEmpty()) return new Tags(List.copyOf(kinds), List.of());
    return new Tags(List.of(NOT_CELL_THERAPY), List.of());
  }

  /**
   * The first found of: the antigens the titles, interventions and arms name (and their products');
   * the markers they name; what the summary names (and its products'); its markers.
   */
  private List<String> antigens(TargetText primary, Set<AntigenDictionary.Product> primaryProducts, TargetText secondary,
      Set<AntigenDictionary.Product> secondaryProducts) {
    List<Set<String>> tiers = List.of(named(primary.core(), primaryProducts), named(primary.markers(), Set.of()),
        named(secondary.core(), secondaryProducts), named(secondary.markers(), Set.of()));
    for (Set<String> found : tiers) {
      if (!found.isEmpty()) return dictionary.inDictionaryOrder(found);
    }
    return List.of();
  }

  private Set<String> named(PhraseMatcher.Text text, Set<AntigenDictionary.Product> products) {
    Set<String> found = new LinkedHashSet<>(dictionary.antigensNamedIn(text));
    products.forEach(p -> found.addAll(p.antigens()));
    return found;
  }

  private List<String> inFileOrder(List<String> kinds) {
    List<String> ordered = new ArrayList<>(markers.kinds());
    ordered.retainAll(kinds);
    return ordered;
  }

  /** Whether an intervention is biological or genetic, or states no type (or there is none): then the summary may say what the cells are. */
  private static boolean mayBeBiological(Trial trial) {
    return trial.interventions().isEmpty() || trial.interventions().stream().map(Intervention::type)
        .anyMatch(type -> type == null || type.isBlank() || type.equalsIgnoreCase("BIOLOGICAL") || type.equalsIgnoreCase("GENETIC"));
  }

  private static String primaryText(Trial trial) {
    Stream<String> titles = Stream.of(trial.briefTitle(), trial.officialTitle(), trial.acronym());
    Stream<String> interventions = trial.interventions().stream()
        .flatMap(Intervention::names);
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
