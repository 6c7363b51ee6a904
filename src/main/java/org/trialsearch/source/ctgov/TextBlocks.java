package org.trialsearch.source.ctgov;

/**
 * Text blocks of the legacy XML come indented, with carriage returns: each line is stripped and
 * runs of blank lines fold into one, so the criteria read (and split) like the API's text.
 */
final class TextBlocks {
  private TextBlocks() {}

  static String clean(String raw) {
    if (raw == null) return null;
    StringBuilder out = new StringBuilder();
    boolean blank = false;
    for (String line : raw.replace("\r", "").split("\n", -1)) {
      String stripped = line.strip();
      if (stripped.isEmpty()) {
        blank = out.length() > 0;
        continue;
      }
      if (blank) out.append('\n');
      if (out.length() > 0) out.append('\n');
      out.append(stripped);
      blank = false;
    }
    return out.isEmpty() ? null : out.toString();
  }
}
