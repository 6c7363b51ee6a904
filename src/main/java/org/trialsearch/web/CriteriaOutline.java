package org.trialsearch.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Eligibility criteria as lists. Registry text marks each criterion with "*", "-", "1." or "a)"
 * and nests by indentation; lines without a marker continue the criterion above, or, ending in a
 * colon, head what follows. Text without any marker lists one criterion per line.
 */
public final class CriteriaOutline {

  /** A heading between lists, or a list. */
  public record Block(String heading, List<Item> items) {}

  /** A criterion: its first line, the lines that continue it, and the criteria under it. */
  public record Item(String text, List<String> more, List<Item> children) {}

  private static final Pattern MARKER = Pattern.compile("^(\\s*)(?:[*\\-•·▪◦○●]|\\d{1,3}[.)]|[a-zA-Z][.)]|\\(\\w{1,4}\\))\\s+(.*)$");
  /** ClinicalTrials.gov writes criteria as Markdown: "\>= 18" is ">= 18". */
  private static final Pattern MARKDOWN_ESCAPE = Pattern.compile("\\\\([\\\\`*_{}\\[\\]()#+\\-.!<>~|=])");
  /** "* • Age ..." has one marker too many. */
  private static final Pattern SECOND_BULLET = Pattern.compile("^[•·▪◦○●]\\s*");

  private record Open(int indent, List<Item> children) {}

  private CriteriaOutline() {}

  public static List<Block> of(String text) {
    List<String> lines = MARKDOWN_ESCAPE.matcher(text).replaceAll("$1").lines().filter(line -> !line.isBlank()).toList();
    boolean marked = lines.stream().anyMatch(line -> MARKER.matcher(line).matches());
    List<Block> blocks = new ArrayList<>();
    List<Open> stack = new ArrayList<>();
    Item last = null;
    for (String line : lines) {
      Matcher m = MARKER.matcher(line);
      boolean isItem = !marked || m.matches();
      if (isItem) {
        int indent = marked ? m.group(1).length() : 0;
        String first = marked ? m.group(2) : line.strip();
        if (stack.isEmpty()) {
          Block list = new Block(null, new ArrayList<>());
          blocks.add(list);
          stack.add(new Open(-1, list.items()));
        }
        while (stack.size() > 1 && indent <= stack.get(stack.size() - 1).indent()) stack.remove(stack.size() - 1);
        last = new Item(SECOND_BULLET.matcher(first).replaceFirst("").strip(), new ArrayList<>(), new ArrayList<>());
        stack.get(stack.size() - 1).children().add(last);
        stack.add(new Open(indent, last.children()));
      } else if (last != null && !line.strip().endsWith(":")) {
        last.more().add(line.strip());
      } else {
        blocks.add(new Block(line.strip(), List.of()));
        stack.clear();
        last = null;
      }
    }
    return blocks;
  }
}
