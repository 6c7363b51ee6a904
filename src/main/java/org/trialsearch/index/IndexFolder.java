package org.trialsearch.index;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * An index folder: whole indexes ("generations") side by side, and a file {@code CURRENT} naming
 * the one in use. A rebuild writes a new generation while the old one serves, then switches with
 * one atomic rename of {@code CURRENT}; a crash at any moment leaves {@code CURRENT} naming a
 * complete index.
 */
public final class IndexFolder {

  static final String CURRENT = "CURRENT";
  private static final String GENERATION_PREFIX = "gen-";
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private final Path root;

  private IndexFolder(Path root) {
    this.root = root;
  }

  public static IndexFolder at(Path root) {
    return new IndexFolder(root);
  }

  /** The generation in use, or null when the folder holds none. */
  public Path current() throws IOException {
    Path pointer = root.resolve(CURRENT);
    if (!Files.isRegularFile(pointer)) return null;
    String name = Files.readString(pointer, StandardCharsets.UTF_8).strip();
    if (!name.startsWith(GENERATION_PREFIX) || name.contains("/") || name.contains("\\")) {
      throw new IOException(pointer + " names no index generation: '" + name + "'");
    }
    Path generation = root.resolve(name);
    if (!Files.isDirectory(generation)) throw new IOException(pointer + " names " + name + ", which is missing");
    return generation;
  }

  /** Whether the folder holds an index written before generations (segment files straight in it). */
  boolean holdsOldLayoutIndex() throws IOException {
    if (!Files.isDirectory(root) || Files.exists(root.resolve(CURRENT))) return false;
    try (Stream<Path> files = Files.list(root)) {
      return files.anyMatch(f -> f.getFileName().toString().startsWith("segments_"));
    }
  }

  /** A new, empty folder for a generation that is not in use yet. */
  public Path newGeneration() throws IOException {
    Files.createDirectories(root);
    String name = GENERATION_PREFIX + LocalDateTime.now().format(STAMP) + "-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt() & 0xffff, 4);
    return Files.createDirectory(root.resolve(name));
  }

  /** Puts this (committed) generation in use: {@code CURRENT} is written aside, synced, then renamed over the old one. */
  public void publish(Path generation) throws IOException {
    Path pending = root.resolve(CURRENT + ".pending");
    Files.writeString(pending, generation.getFileName().toString() + "\n", StandardCharsets.UTF_8);
    try (FileChannel channel = FileChannel.open(pending, StandardOpenOption.WRITE)) {
      channel.force(true);
    }
    try {
      Files.move(pending, root.resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("the file system of " + root + " cannot rename atomically, so it cannot hold an index", e);
    }
    try (FileChannel folder = FileChannel.open(root, StandardOpenOption.READ)) {
      folder.force(true);
    } catch (IOException ignored) {
      // some file systems cannot sync a folder; the rename is still atomic
    }
  }

  /** Deletes the generations that are not in use and that no writer holds open (a server may still serve the previous one). */
  public void removeUnused() throws IOException {
    Path current = current();
    for (Path generation : generations()) {
      if (generation.equals(current)) continue;
      try (Directory dir = FSDirectory.open(generation); Lock lock = dir.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
        lock.ensureValid();
      } catch (LockObtainFailedException held) {
        continue;
      }
      deleteTree(generation);
    }
  }

  private List<Path> generations() throws IOException {
    if (!Files.isDirectory(root)) return List.of();
    try (Stream<Path> entries = Files.list(root)) {
      return entries.filter(p -> Files.isDirectory(p) && p.getFileName().toString().startsWith(GENERATION_PREFIX)).sorted().toList();
    }
  }

  public static void deleteTree(Path folder) throws IOException {
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    }
  }
}
