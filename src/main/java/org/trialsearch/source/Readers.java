package org.trialsearch.source;

import java.util.List;
import org.trialsearch.config.ConfigSource;
import org.trialsearch.source.csv.CsvReader;

/** Every source format the indexer reads, tried in this order. */
public final class Readers {
  private Readers() {}

  public static List<SourceReader> all(ConfigSource config) {
    return List.of(new CtgovJsonReader(), new LegacyXmlReader(), new CsvReader(config));
  }
}
