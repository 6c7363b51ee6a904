package org.trialsearch.http;

import java.util.Locale;
import java.util.regex.Pattern;
import org.trialsearch.error.InvalidRequestException;

/** The trial id of a path: an NCT id, or the id of a trial known only from a page that states none. */
final class TrialIdParam {

  private static final Pattern TRIAL_ID = Pattern.compile("NCT\\d{8}|PAGE-[0-9A-F]{12}");

  private TrialIdParam() {}

  static String read(String raw) {
    String id = raw.strip().toUpperCase(Locale.ROOT);
    if (!TRIAL_ID.matcher(id).matches()) {
      throw new InvalidRequestException("not a trial id: '" + raw + "' (expected NCT and 8 digits, or PAGE- and 12 hex digits)");
    }
    return id;
  }
}
