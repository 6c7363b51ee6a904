package org.trialsearch.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.trialsearch.SharedCorpus.Study;

/**
 * Facet values of the shared API v2 corpus computed straight from the JSON, without the
 * project's readers or vocabulary, to check the server's counts against.
 */
final class IndependentCounts {

  /** The only country spellings of this corpus that have another spelling too. */
  private static final Map<String, String> COUNTRY_ALIASES =
      Map.of("Korea, Republic of", "South Korea", "Russian Federation", "Russia", "Turkey (Türkiye)", "Turkey");

  final List<JsonNode> trials;

  IndependentCounts(List<Study> studies) {
    this.trials = winners(studies);
  }

  /** One record per NCT id: latest last update, then latest version holder, then the one read last. */
  private static List<JsonNode> winners(List<Study> studies) {
    Map<String, JsonNode> byId = new LinkedHashMap<>();
    Comparator<JsonNode> newer = Comparator
        .comparing((JsonNode s) -> s.path("protocolSection").path("statusModule").path("lastUpdatePostDateStruct").path("date").asText(""))
        .thenComparing(s -> s.path("derivedSection").path("miscInfoModule").path("versionHolder").asText(""));
    for (Study study : studies) {
      JsonNode previous = byId.get(study.nctId());
      if (previous == null || newer.compare(study.json(), previous) >= 0) byId.put(study.nctId(), study.json());
    }
    return new ArrayList<>(byId.values());
  }

  /**
   * The status as the registry's own search shows it: an open status whose verification (else the
   * record's last update) is more than two years old is "Unknown status".
   */
  static List<String> status(JsonNode study) {
    JsonNode module = study.path("protocolSection").path("statusModule");
    String status = module.path("overallStatus").asText(null);
    if (status == null) return List.of();
    boolean open = List.of("RECRUITING", "NOT_YET_RECRUITING", "ACTIVE_NOT_RECRUITING", "ENROLLING_BY_INVITATION").contains(status);
    String verified = module.path("statusVerifiedDate").asText("");
    String asOf = verified.isEmpty() ? module.path("lastUpdatePostDateStruct").path("date").asText("") : verified;
    String twoYearsAgo = LocalDate.now(ZoneOffset.UTC).minusYears(2).toString();
    // "2024-05" (a month) is verified on its first day, and sorts before "2024-05-01" as text: pad it
    String day = asOf.length() == 7 ? asOf + "-01" : asOf;
    return List.of(open && (day.isEmpty() || day.compareTo(twoYearsAgo) < 0) ? "UNKNOWN" : status);
  }

  static List<String> phases(JsonNode study) {
    return strings(study.path("protocolSection").path("designModule").path("phases"));
  }

  static List<String> ageGroups(JsonNode study) {
    return strings(study.path("protocolSection").path("eligibilityModule").path("stdAges"));
  }

  static List<String> countries(JsonNode study) {
    List<String> out = new ArrayList<>();
    for (JsonNode location : study.path("protocolSection").path("contactsLocationsModule").path("locations")) {
      String country = location.path("country").asText(null);
      if (country == null) continue;
      country = COUNTRY_ALIASES.getOrDefault(country, country);
      if (!out.contains(country)) out.add(country);
    }
    return out;
  }

  /** Value => trial count over the trials that pass the filter; "" counts the trials that state no value. */
  Map<String, Integer> count(Function<JsonNode, List<String>> values, Predicate<JsonNode> filter) {
    Map<String, Integer> counts = new TreeMap<>();
    for (JsonNode trial : trials) {
      if (!filter.test(trial)) continue;
      List<String> vs = values.apply(trial);
      if (vs.isEmpty()) counts.merge("", 1, Integer::sum);
      vs.forEach(v -> counts.merge(v, 1, Integer::sum));
    }
    return counts;
  }

  long total(Predicate<JsonNode> filter) {
    return trials.stream().filter(filter).count();
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  /** The server's counts of one dimension in the same shape. */
  static Map<String, Integer> served(JsonNode response, String dim) {
    Map<String, Integer> counts = new TreeMap<>();
    JsonNode facet = response.path("facets").path(dim);
    facet.path("values").forEach(v -> counts.put(v.path("value").asText(), v.path("count").asInt()));
    if (facet.path("notStated").asInt() > 0) counts.put("", facet.path("notStated").asInt());
    return counts;
  }
}
