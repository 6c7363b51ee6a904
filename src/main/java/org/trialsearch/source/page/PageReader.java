package org.trialsearch.source.page;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.trialsearch.config.ConfigSource;
import org.trialsearch.model.Trial;
import org.trialsearch.source.RecordSink;
import org.trialsearch.source.SourceReader;
import org.trialsearch.source.StatedValues;
import org.trialsearch.vocabulary.CanonicalNames;
import org.trialsearch.vocabulary.Fold;
import org.trialsearch.vocabulary.Vocabulary;

/**
 * Trial pages copied from registry and portal web sites, as text ({@code .txt}) or HTML
 * ({@code .html}, {@code .htm}). A page that holds no trial is reported, never indexed.
 */
public final class PageReader implements SourceReader {

  /** Pages are small; a larger file is not a copied page. */
  private static final int MAX_PAGE_BYTES = 8 << 20;

  private final PageExtractor extractor;

  public PageReader(ConfigSource config, Vocabulary vocabulary) {
    this.extractor = new PageExtractor(PageLabels.load(config), countryNames(vocabulary.countries()), vocabulary.statuses(),
        vocabulary.phases());
  }

  @Override
  public boolean accepts(String name, byte[] head) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".txt") || lower.endsWith(".html") || lower.endsWith(".htm");
  }

  @Override
  public void read(InputStream in, String name, RecordSink sink) throws IOException {
    byte[] bytes = in.readNBytes(MAX_PAGE_BYTES + 1);
    if (bytes.length > MAX_PAGE_BYTES) {
      sink.skip(name, 0, "larger than " + (MAX_PAGE_BYTES >> 20) + " MB: not a copied trial page");
      return;
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    boolean html = !name.toLowerCase(Locale.ROOT).endsWith(".txt");
    StatedValues stated = new StatedValues();
    Trial trial = extractor.extract(html ? PageText.html(text) : PageText.plain(text), name, stated);
    if (trial == null) {
      sink.skip(name, 0, "no trial found in the page (no NCT id, and not a title with trial details)");
      return;
    }
    sink.accept(trial);
    stated.report(sink, name, 1);
  }

  /** Country names: English names of every ISO country and the spellings of the countries vocabulary. */
  private static java.util.function.Function<String, String> countryNames(CanonicalNames countries) {
    Map<String, String> byKey = new HashMap<>();
    for (String code : Locale.getISOCountries()) {
      String english = Locale.of("", code).getDisplayCountry(Locale.ENGLISH);
      byKey.put(Fold.words(english), english);
    }
    return text -> {
      if (text == null || text.isBlank()) return null;
      List<String> known = countries.lookup(text);
      if (!known.isEmpty()) return known.get(0);
      return byKey.get(Fold.words(text));
    };
  }
}
