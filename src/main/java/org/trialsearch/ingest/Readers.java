package org.trialsearch.ingest;

import java.util.List;
import org.trialsearch.config.ConfigSource;
import org.trialsearch.source.SourceReader;
import org.trialsearch.source.csv.CsvReader;
import org.trialsearch.source.ctgov.CtgovJsonReader;
import org.trialsearch.source.ctgov.LegacyXmlReader;
import org.trialsearch.source.page.PageReader;
import org.trialsearch.vocabulary.Vocabulary;

/** Every source format the indexer reads, tried in this order. */
public final class Readers {
  private Readers() {}

  public static List<SourceReader> all(ConfigSource config, Vocabulary vocabulary) {
    return List.of(new CtgovJsonReader(), new LegacyXmlReader(), new CsvReader(config), new PageReader(config, vocabulary));
  }
}
