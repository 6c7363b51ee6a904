package org.trialsearch.web;

import java.util.Set;
import java.util.regex.Pattern;
import org.commonmark.node.Heading;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;

/**
 * The Markdown subset the registry writes its texts in (bullets, emphasis, backslash escapes such
 * as "\[PTCL-NOS\]"), as HTML for a page and as plain text for a description. Raw HTML in a record
 * is escaped, code blocks are not read (older records indent their paragraphs), and what comes out
 * is cleaned to a list of harmless tags, so record text can never add markup of its own.
 */
public final class RegistryMarkdown {

  private static final Parser PARSER = Parser.builder().enabledBlockTypes(Set.of(ListBlock.class, Heading.class)).build();
  private static final HtmlRenderer HTML = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).softbreak(" ").build();
  private static final TextContentRenderer TEXT = TextContentRenderer.builder().build();
  private static final Safelist ALLOWED = Safelist.basic().removeTags("a", "img").addTags("h3", "h4");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private RegistryMarkdown() {}

  /** The text as safe HTML: paragraphs, lists, emphasis. */
  public static String html(String text) {
    if (text == null || text.isBlank()) return "";
    return Jsoup.clean(HTML.render(parse(text)), ALLOWED);
  }

  /** The text without its marks, on one line, cut at a word before {@code max} characters. */
  public static String plain(String text, int max) {
    if (text == null || text.isBlank()) return "";
    String plain = SPACES.matcher(TEXT.render(parse(text))).replaceAll(" ").strip();
    if (plain.length() <= max) return plain;
    int cut = plain.lastIndexOf(' ', max - 1);
    return plain.substring(0, cut > max / 2 ? cut : max - 1) + "…";
  }

  /** Headings of registry text are sub-headings of the page's sections. */
  private static Node parse(String text) {
    Node document = PARSER.parse(text);
    demoteHeadings(document);
    return document;
  }

  private static void demoteHeadings(Node node) {
    for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
      if (child instanceof Heading heading) heading.setLevel(Math.min(4, heading.getLevel() + 2));
      demoteHeadings(child);
    }
  }
}
