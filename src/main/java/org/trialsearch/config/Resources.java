package org.trialsearch.config;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Map;

/** Folders packed into the jar, as paths that can be walked like any folder. */
public final class Resources {
  private Resources() {}

  /** The path of a packed folder ("/data"), or null when the jar has none. */
  public static Path folder(String name) throws IOException {
    URL url = Resources.class.getResource(name);
    if (url == null) return null;
    try {
      URI uri = url.toURI();
      if (!uri.getScheme().equals("jar")) return Path.of(uri);
      FileSystem jar;
      try {
        jar = FileSystems.newFileSystem(uri, Map.of());
      } catch (FileSystemAlreadyExistsException e) {
        jar = FileSystems.getFileSystem(uri);
      }
      return jar.provider().getPath(uri);
    } catch (URISyntaxException e) {
      throw new IOException("cannot read packed folder " + name, e);
    }
  }
}
