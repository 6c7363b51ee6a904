package org.trialsearch.merge;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trialsearch.model.Site;
import org.trialsearch.model.Trial;
import org.trialsearch.vocabulary.Fold;

/**
 * Merges the records of one trial field by field. For each field, a record written through the
 * API wins (it is the latest word a user gave); then the record with the newest last-update date
 * that has the field; undated records rank after dated ones; then the later
 * version date, then the richer format, then the record read last. A field only one record has is
 * kept whatever its date. Sites are unioned by facility and city. Nested records (ids, eligibility,
 * sponsor) merge the same way field by field, except that values that belong together come from
 * one record: the inclusion and exclusion halves with the criteria text, the sponsor's class with
 * its name, the date a status was verified with the status.
 */
public final class TrialMerger {

  /** The merged trial and, for each field, the index in {@code trial.sources()} of the record that gave it. */
  public record Merged(Trial trial, Map<String, Integer> fieldSources) {}

  /** Field => the field whose record it must come from. */
  private static final Map<String, String> COMPANIONS = Map.of(
      "statusVerified", "status",
      "eligibility.inclusion", "eligibility.criteria",
      "eligibility.exclusion", "eligibility.criteria",
      "sponsor.leadClass", "sponsor.lead");

  private record Ranked(Trial trial, int arrival) {}

  private static final Comparator<Ranked> PRECEDENCE = Comparator
      .comparing((Ranked r) -> !r.trial.sources().get(0).fromApi())
      .thenComparing(r -> r.trial.lastUpdate(), Comparator.nullsLast(Comparator.<LocalDate>reverseOrder()))
      .thenComparing(r -> r.trial.versionHolder(), Comparator.nullsLast(Comparator.<LocalDate>reverseOrder()))
      .thenComparing(r -> r.trial.sources().get(0).format())
      .thenComparing(Ranked::arrival, Comparator.reverseOrder());

  /** Whether these records of a trial are only site rows (a tracker's site list): they add sites but describe no trial. */
  public static boolean onlySiteRows(List<Trial> records) {
    return records.stream().allMatch(r -> r.sources().get(0).sitesOnly());
  }

  /** @param records the trial's records in the order they were read, each with its one source */
  public Merged merge(List<Trial> records) {
    if (records.size() == 1) return new Merged(records.get(0), provenanceOfOne(records.get(0)));
    List<Ranked> ranked = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) ranked.add(new Ranked(records.get(i), i));
    ranked.sort(PRECEDENCE);
    Map<String, Integer> provenance = new LinkedHashMap<>();
    Trial merged = (Trial) mergeRecord(Trial.class, ranked.stream().map(r -> (Object) r.trial).toList(),
        ranked.stream().map(Ranked::arrival).toList(), "", provenance, records);
    return new Merged(merged, provenance);
  }

  /** Merges values of one record type, given in precedence order with the arrival index of each. */
  private Object mergeRecord(Class<?> type, List<Object> values, List<Integer> arrivals, String prefix,
      Map<String, Integer> provenance, List<Trial> records) {
    RecordComponent[] components = type.getRecordComponents();
    Object[] merged = new Object[components.length];
    Map<String, Integer> chosenRank = new LinkedHashMap<>();
    for (int c = 0; c < components.length; c++) {
      String name = components[c].getName();
      String path = prefix + name;
      List<Object> candidates = new ArrayList<>();
      for (Object value : values) candidates.add(value == null ? null : component(components[c], value));
      merged[c] = switch (path) {
        case "nctId" -> candidates.get(0);
        case "sources" -> records.stream().flatMap(t -> t.sources().stream()).toList();
        case "sites" -> unionSites(candidates, arrivals, path, provenance);
        default -> choose(components[c], candidates, arrivals, path, provenance, chosenRank, records);
      };
    }
    return construct(type, merged);
  }

  private Object choose(RecordComponent component, List<Object> candidates, List<Integer> arrivals, String path,
      Map<String, Integer> provenance, Map<String, Integer> chosenRank, List<Trial> records) {
    String leader = COMPANIONS.get(path);
    if (leader != null && chosenRank.containsKey(leader)) {
      int rank = chosenRank.get(leader);
      if (present(candidates.get(rank))) provenance.put(path, arrivals.get(rank));
      return candidates.get(rank);
    }
    if (component.getType().isRecord()) {
      List<Object> present = new ArrayList<>();
      List<Integer> presentArrivals = new ArrayList<>();
      for (int i = 0; i < candidates.size(); i++) {
        if (present(candidates.get(i))) {
          present.add(candidates.get(i));
          presentArrivals.add(arrivals.get(i));
        }
      }
      if (present.isEmpty()) return candidates.get(0);
      if (present.size() == 1) {
        recordProvenance(component.getType(), present.get(0), path + ".", presentArrivals.get(0), provenance);
        return present.get(0);
      }
      return mergeRecord(component.getType(), present, presentArrivals, path + ".", provenance, records);
    }
    for (int i = 0; i < candidates.size(); i++) {
      if (present(candidates.get(i))) {
        chosenRank.put(path, i);
        provenance.put(path, arrivals.get(i));
        return candidates.get(i);
      }
    }
    return candidates.get(0);
  }

  /** Sites of all records, one per facility and city; a site's missing details come from its other records. */
  private static List<Site> unionSites(List<Object> candidates, List<Integer> arrivals, String path, Map<String, Integer> provenance) {
    Map<String, Site> byPlace = new LinkedHashMap<>();
    for (int i = 0; i < candidates.size(); i++) {
      @SuppressWarnings("unchecked")
      List<Site> sites = (List<Site>) candidates.get(i);
      if (sites == null || sites.isEmpty()) continue;
      provenance.putIfAbsent(path, arrivals.get(i));
      for (Site site : sites) byPlace.merge(placeKey(site), site, TrialMerger::fillIn);
    }
    return new ArrayList<>(byPlace.values());
  }

  private static String placeKey(Site site) {
    String facility = Fold.words(site.facility());
    return facility.isEmpty() ? Fold.words(site.city()) + "|" + Fold.words(site.country()) : facility + "|" + Fold.words(site.city());
  }

  private static Site fillIn(Site first, Site other) {
    return new Site(
        first.facility() != null ? first.facility() : other.facility(),
        first.city() != null ? first.city() : other.city(),
        first.state() != null ? first.state() : other.state(),
        first.zip() != null ? first.zip() : other.zip(),
        first.country() != null ? first.country() : other.country(),
        first.status() != null ? first.status() : other.status(),
        first.latitude() != null ? first.latitude() : other.latitude(),
        first.longitude() != null ? first.longitude() : other.longitude(),
        !first.contacts().isEmpty() ? first.contacts() : other.contacts());
  }

  private static Map<String, Integer> provenanceOfOne(Trial trial) {
    Map<String, Integer> provenance = new LinkedHashMap<>();
    recordProvenance(Trial.class, trial, "", 0, provenance);
    return provenance;
  }

  /** Every present field of a value that came whole from one record. */
  private static void recordProvenance(Class<?> type, Object value, String prefix, int arrival, Map<String, Integer> provenance) {
    for (RecordComponent component : type.getRecordComponents()) {
      String path = prefix + component.getName();
      if (path.equals("sources") || path.equals("nctId")) continue;
      Object v = component(component, value);
      if (!present(v)) continue;
      if (component.getType().isRecord()) recordProvenance(component.getType(), v, path + ".", arrival, provenance);
      else provenance.put(path, arrival);
    }
  }

  static boolean present(Object value) {
    if (value == null) return false;
    if (value instanceof Collection<?> c) return !c.isEmpty();
    if (value instanceof String s) return !s.isBlank();
    if (value instanceof Record r) {
      for (RecordComponent component : r.getClass().getRecordComponents()) {
        if (present(component(component, r))) return true;
      }
      return false;
    }
    return true;
  }

  private static Object component(RecordComponent component, Object record) {
    try {
      return component.getAccessor().invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + component.getName(), e);
    }
  }

  private static Object construct(Class<?> type, Object[] values) {
    try {
      Class<?>[] types = java.util.Arrays.stream(type.getRecordComponents()).map(RecordComponent::getType).toArray(Class<?>[]::new);
      Constructor<?> canonical = type.getDeclaredConstructor(types);
      return canonical.newInstance(values);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot build " + type.getSimpleName(), e);
    }
  }
}
