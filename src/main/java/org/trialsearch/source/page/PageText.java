package org.trialsearch.source.page;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/** A copied page as lines of text; HTML becomes lines at block boundaries, table cells joined by " | ". */
final class PageText {

  private static final Pattern BULLET = Pattern.compile("^[\\s•·▪◦*–-]+(?=\\S)");
  private static final Set<String> BLOCKS = Set.of("p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
      "section", "article", "header", "footer", "dt", "dd", "table", "ul", "ol", "pre", "blockquote");

  final String text;
  final List<String> lines;

  private PageText(String text) {
    this.text = text;
    this.lines = Arrays.stream(text.replace("\r", "").split("\n", -1)).map(String::stripTrailing).toList();
  }

  static PageText plain(String text) {
    return new PageText(text.replace("\uFEFF", ""));
  }

  static PageText html(String html) {
    StringBuilder out = new StringBuilder();
    Element body = Jsoup.parse(html).body();
    body.traverse(new NodeVisitor() {
      @Override
      public void head(Node node, int depth) {
        if (node instanceof TextNode t) out.append(t.text());
        else if (node instanceof Element e && (e.tagName().equals("td") || e.tagName().equals("th"))) out.append(" | ");
        else if (node instanceof Element e && BLOCKS.contains(e.tagName())) out.append('\n');
      }

      @Override
      public void tail(Node node, int depth) {
        if (node instanceof Element e && BLOCKS.contains(e.tagName())) out.append('\n');
      }
    });
    return new PageText(out.toString());
  }

  /** A line without bullets, surrounding table pipes and space: what a label or value reads as. */
  static String clean(String line) {
    String s = BULLET.matcher(line.strip()).replaceFirst("").strip();
    while (s.startsWith("|")) s = s.substring(1).strip();
    while (s.endsWith("|")) s = s.substring(0, s.length() - 1).strip();
    return s;
  }

  /** A line without surrounding table pipes and space, its list marks kept. */
  static String unpiped(String line) {
    String s = line.strip();
    while (s.startsWith("|")) s = s.substring(1).strip();
    while (s.endsWith("|")) s = s.substring(0, s.length() - 1).strip();
    return s;
  }

  /** The non-empty cells of a table line ("a | b | c |"). */
  static List<String> cells(String line) {
    List<String> cells = new ArrayList<>();
    for (String cell : line.split("\\|")) {
      if (!cell.isBlank()) cells.add(cell.strip());
    }
    return cells;
  }

  /**
   * The cells of a table row by place, empty ones kept: "a |  | c |" is a, "", c. Rows are written
   * as their table's header is, with or without a pipe before the first cell; without, a row that
   * starts with a pipe has an empty first cell.
   */
  static List<String> rowCells(String line, boolean leadingPipe) {
    String s = line.strip();
    if (leadingPipe && s.startsWith("|")) s = s.substring(1);
    if (s.endsWith("|")) s = s.substring(0, s.length() - 1);
    return Arrays.stream(s.split("\\|", -1)).map(String::strip).toList();
  }

  static boolean isTableSeparator(String line) {
    String s = line.strip();
    return s.length() >= 3 && s.contains("-") && s.contains("|") && s.chars().allMatch(c -> c == '-' || c == '|' || c == ':' || c == ' ');
  }

  static int words(String line) {
    String s = line.strip();
    return s.isEmpty() ? 0 : s.split("\\s+").length;
  }
}
