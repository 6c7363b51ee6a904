package org.trialsearch.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the files of {@code index-config/} are read from: a folder on disk, or the copy packed into
 * the jar, so that the server runs anywhere and a user can still edit the vocabulary.
 */
public interface ConfigSource {

  String describe();

  Reader open(String file) throws IOException;

  /** The names of the files in a sub-folder ("csv"), sorted; empty when there is no such folder. */
  List<String> list(String folder) throws IOException;

  default List<VocabularyFile.Entry> entries(String file) {
    try (Reader reader = open(file)) {
      return VocabularyFile.parse(file, reader);
    } catch (IOException e) {
      throw new ConfigException("cannot read " + file + " from " + describe() + ": " + e.getMessage(), e);
    }
  }

  static ConfigSource folder(Path dir) {
    return new ConfigSource() {
      @Override
      public String describe() {
        return dir.toString();
      }

      @Override
      public Reader open(String file) throws IOException {
        return Files.newBufferedReader(dir.resolve(file), StandardCharsets.UTF_8);
      }

      @Override
      public List<String> list(String folder) throws IOException {
        return names(dir.resolve(folder));
      }
    };
  }

  static ConfigSource embedded() {
    return new ConfigSource() {
      @Override
      public String describe() {
        return "the configuration built into the jar";
      }

      @Override
      public Reader open(String file) throws IOException {
        InputStream in = ConfigSource.class.getResourceAsStream("/index-config/" + file);
        if (in == null) throw new IOException("no such file");
        return new InputStreamReader(in, StandardCharsets.UTF_8);
      }

      @Override
      public List<String> list(String folder) throws IOException {
        Path packed = Resources.folder("/index-config/" + folder);
        return packed == null ? List.of() : names(packed);
      }
    };
  }

  private static List<String> names(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) return List.of();
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /** The given folder; else {@code ./index-config} when present; else the embedded copy. */
  static ConfigSource locate(Path explicitDir) {
    if (explicitDir != null) {
      if (!Files.isDirectory(explicitDir)) throw new ConfigException("configuration folder not found: " + explicitDir);
      return folder(explicitDir);
    }
    Path local = Path.of("index-config");
    return Files.isDirectory(local) ? folder(local) : embedded();
  }
}
