package org.trialsearch.source.page;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.trialsearch.source.Dates;

/**
 * The labelled values of a page: "Label: value" and "Label | value |" on one line, a label alone on
 * a line with its value below, and tables whose header cells are labels. The first value found for
 * a field is kept.
 */
final class PageValues {

  /** A label's value on its line is at most this long; a longer "Label: ..." line is prose that starts like a label. */
  private static final int MAX_INLINE_VALUE_WORDS = 60;
  /** A list item on a line of its own is short and not a sentence. */
  private static final int MAX_ITEM_WORDS = 15;

  private final PageLabels labels;
  private final List<String> lines;
  private final Map<PageField, List<String>> values = new EnumMap<>(PageField.class);
  /** Where each field's label stands, to read what follows it. */
  final Map<PageField, Integer> labelLine = new EnumMap<>(PageField.class);

  PageValues(PageLabels labels, List<String> lines) {
    this.labels = labels;
    this.lines = lines;
    read();
  }

  List<String> get(PageField field) {
    return values.getOrDefault(field, List.of());
  }

  String first(PageField field) {
    List<String> v = get(field);
    return v.isEmpty() ? null : v.get(0);
  }

  boolean isLabel(String cleanLine) {
    return labels.field(cleanLine) != null || inlineLabel(cleanLine) != null;
  }

  private void read() {
    for (int i = 0; i < lines.size(); i++) {
      if (i + 1 < lines.size() && PageText.isTableSeparator(lines.get(i + 1)) && PageText.cells(lines.get(i)).size() >= 2) {
        i = readTable(i);
        continue;
      }
      String line = PageText.clean(lines.get(i));
      if (line.isEmpty()) continue;
      int split = inlineLabel(line) == null ? -1 : inlineSplit(line);
      if (split > 0) {
        PageField field = labels.field(line.substring(0, split));
        String rest = PageText.clean(line.substring(split + 1));
        put(field, i, rest.isEmpty() ? following(i, field.shape) : List.of(rest));
      } else if (labels.field(line) != null) {
        PageField field = labels.field(line);
        put(field, i, following(i, field.shape));
      }
    }
  }

  /** The field of a "Label: value" or "Label | value" line, or null; prose that starts like one ("Title: ... Background: ...") is not. */
  private PageField inlineLabel(String line) {
    int split = inlineSplit(line);
    if (split <= 0 || PageText.words(line.substring(split + 1)) > MAX_INLINE_VALUE_WORDS) return null;
    return labels.field(line.substring(0, split));
  }

  private static int inlineSplit(String line) {
    int colon = line.indexOf(':');
    int pipe = line.indexOf('|');
    if (colon < 0) return pipe;
    if (pipe < 0) return colon;
    return Math.min(colon, pipe);
  }

  private void put(PageField field, int line, List<String> found) {
    if (found.isEmpty() || values.containsKey(field)) return;
    values.put(field, new ArrayList<>(found));
    labelLine.put(field, line);
  }

  /** The value lines after a label at line i, as much as the field's shape takes. */
  private List<String> following(int i, PageField.Shape shape) {
    int j = skipBlankAndHints(i + 1);
    List<String> out = new ArrayList<>();
    while (j < lines.size()) {
      String line = PageText.clean(lines.get(j));
      if (line.isEmpty()) {
        if (shape == PageField.Shape.LIST && !out.isEmpty() && isListItem(skipBlankAndHints(j))) {
          j = skipBlankAndHints(j);
          continue;
        }
        if (shape != PageField.Shape.TEXT || out.isEmpty()) break;
        out.add("");
        j++;
        continue;
      }
      if (isLabel(line) || labels.isStop(line) || labels.isBoilerplate(line)) break;
      // text keeps its list marks ("- To determine ..."); other values are read without them
      out.add(shape == PageField.Shape.TEXT ? PageText.unpiped(lines.get(j)) : line);
      if (shape == PageField.Shape.SHORT) break;
      if (shape == PageField.Shape.DATE) {
        if (Dates.parse(line) == null && j + 1 < lines.size()) out.set(0, line + " " + PageText.clean(lines.get(j + 1)));
        break;
      }
      j++;
    }
    if (shape == PageField.Shape.TEXT) {
      String text = String.join("\n", out).strip();
      return text.isEmpty() ? List.of() : List.of(text);
    }
    return out;
  }

  /**
   * Whether the line at j goes on a list whose items stand in paragraphs of their own ("France",
   * blank, "Germany"): a short line that is no sentence, no label, no stop and no heading (a line
   * whose next one is a hint is the next section's heading).
   */
  private boolean isListItem(int j) {
    if (j >= lines.size()) return false;
    String line = PageText.clean(lines.get(j));
    if (line.isEmpty() || PageText.words(line) > MAX_ITEM_WORDS || line.endsWith(".") || isLabel(line) || labels.isStop(line)) return false;
    int next = j + 1;
    while (next < lines.size() && PageText.clean(lines.get(next)).isEmpty()) next++;
    return next >= lines.size() || !labels.isHint(PageText.clean(lines.get(next)));
  }

  private int skipBlankAndHints(int j) {
    while (j < lines.size()) {
      String line = PageText.clean(lines.get(j));
      if (!line.isEmpty() && !labels.isHint(line)) return j;
      j++;
    }
    return j;
  }

  /**
   * A table: header cells, a separator line, then rows of as many cells; header cells that are
   * labels give values. Returns the last line of the table.
   */
  private int readTable(int header) {
    List<String> heads = PageText.cells(lines.get(header));
    boolean leadingPipe = lines.get(header).strip().startsWith("|");
    int j = header + 2;
    for (; j < lines.size(); j++) {
      // a row may leave cells empty (a second intervention under the first): cells count by place
      List<String> cells = PageText.rowCells(lines.get(j), leadingPipe);
      if (cells.size() != heads.size() || cells.stream().allMatch(String::isEmpty)) break;
      for (int c = 0; c < heads.size(); c++) {
        PageField field = labels.field(heads.get(c));
        if (field == null || cells.get(c).isEmpty()) continue;
        values.computeIfAbsent(field, f -> new ArrayList<>()).add(cells.get(c));
        labelLine.putIfAbsent(field, header);
      }
    }
    return j - 1;
  }
}
