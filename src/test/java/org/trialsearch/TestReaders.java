package org.trialsearch;

import java.nio.file.Path;
import java.util.List;
import org.trialsearch.config.ConfigSource;
import org.trialsearch.ingest.Readers;
import org.trialsearch.source.SourceReader;
import org.trialsearch.vocabulary.Vocabulary;

/** The readers with the project's own configuration. */
public final class TestReaders {
  private TestReaders() {}

  public static ConfigSource config() {
    return ConfigSource.folder(Path.of("index-config"));
  }

  public static List<SourceReader> all() {
    return Readers.all(config(), Vocabulary.load(config()));
  }
}
