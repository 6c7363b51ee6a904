package org.trialsearch.source;

import java.util.List;

/** Every source format the indexer reads, tried in this order. */
public final class Readers {
  private Readers() {}

  public static List<SourceReader> all() {
    return List.of(new CtgovJsonReader(), new LegacyXmlReader());
  }
}
