package org.trialsearch.source.csv;

import java.util.Arrays;
import java.util.List;
import org.trialsearch.model.Site;
import org.trialsearch.model.TrialBuilder;
import org.trialsearch.source.StatedValues;

/** One CSV row being read into a trial; a site list's row fills one site. */
final class CsvRow {
  final TrialBuilder trial = new TrialBuilder();
  final StatedValues values = new StatedValues();
  /** facility, city, state, country, status, latitude, longitude. */
  final String[] site = new String[7];

  /** "Facility, City, State, Country" (facility names may hold commas; state may be missing). */
  void addLocation(String location) {
    List<String> parts = Arrays.stream(location.split(",")).map(String::strip).toList();
    int n = parts.size();
    String country = parts.get(n - 1);
    if (n >= 4) {
      trial.sites.add(new Site(String.join(", ", parts.subList(0, n - 3)), parts.get(n - 3), parts.get(n - 2), country, null, null, null));
    } else if (n == 3) {
      trial.sites.add(new Site(parts.get(0), parts.get(1), null, country, null, null, null));
    } else {
      trial.sites.add(new Site(n == 2 ? parts.get(0) : null, null, null, country, null, null, null));
    }
  }

  /** The site this row describes, if it names one. */
  Site site() {
    if (Arrays.stream(site).allMatch(v -> v == null || v.isBlank())) return null;
    return new Site(site[0], site[1], site[2], site[3], site[4],
        values.number("site latitude", site[5], -90, 90), values.number("site longitude", site[6], -180, 180));
  }
}
