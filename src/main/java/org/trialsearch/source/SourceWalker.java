package org.trialsearch.source;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.trialsearch.model.SourceRef;
import org.trialsearch.model.Trial;

/**
 * Walks files, folders and zips (zips inside zips too), hands each file to the reader that takes
 * it, and reports files no reader takes. Everything is streamed: a zip is never unpacked to disk
 * and no file is read whole.
 */
public final class SourceWalker {

  private static final int HEAD_BYTES = 4096;

  private final List<SourceReader> readers;
  private final LongConsumer progress;

  /** @param progress told of every increment of bytes read from the files on disk, for a progress display */
  public SourceWalker(List<SourceReader> readers, LongConsumer progress) {
    this.readers = List.copyOf(readers);
    this.progress = progress;
  }

  /** The total size of the files under these paths, for progress displays. */
  public static long totalBytes(List<Path> roots) throws IOException {
    long total = 0;
    for (Path root : roots) {
      try (Stream<Path> files = Files.walk(root)) {
        total += files.filter(Files::isRegularFile).mapToLong(SourceWalker::size).sum();
      }
    }
    return total;
  }

  /** Reads every file under the roots; each record reaches the sink within {@link RecordLimits}. */
  public void walk(List<Path> roots, RecordSink sink, IngestReport report) throws IOException {
    RecordSink limited = withinLimits(sink);
    for (Path root : roots) {
      if (!Files.exists(root)) throw new IOException("no such file or folder: " + root);
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.filter(Files::isRegularFile).sorted().toList()) readFile(file, nameOf(root, file), limited, report);
      }
    }
  }

  /**
   * How a record's file is named in its source and in the report: from the folder that was indexed
   * ("corpus/car-t-tracker/sites.csv"), or the file's own name when a file was, never the path on
   * this machine's disk, which an API answer would otherwise give away.
   */
  static String nameOf(Path root, Path file) {
    Path base = root.toAbsolutePath().normalize();
    Path named = file.toAbsolutePath().normalize();
    Path folderName = base.getFileName();
    if (base.equals(named) || folderName == null) return named.getFileName().toString();
    return (folderName + "/" + base.relativize(named)).replace('\\', '/');
  }

  private void readFile(Path file, String name, RecordSink sink, IngestReport report) {
    try (InputStream in = new CountingStream(Files.newInputStream(file))) {
      readStream(in, name, sink, report);
    } catch (IOException | UncheckedIOException e) {
      sink.skip(name, 0, "cannot read: " + e.getMessage());
    }
  }

  /** Reads one stream that is not a file on disk (a request body), choosing the reader by the name's extension and the first bytes. */
  public void read(InputStream in, String name, RecordSink sink, IngestReport report) throws IOException {
    readStream(in, name, withinLimits(sink), report);
  }

  /** Hands each record on within the limits, with a line for what was cut; a record without a trial id is skipped. */
  private static RecordSink withinLimits(RecordSink sink) {
    return new RecordSink() {
      @Override
      public void accept(Trial trial) {
        SourceRef source = trial.sources().get(0);
        RecordLimits.Limited limited;
        try {
          limited = RecordLimits.apply(trial);
        } catch (InvalidRecordException e) {
          sink.skip(source.file(), source.position(), e.getMessage());
          return;
        }
        sink.accept(limited.trial());
        limited.cuts().forEach(cut -> sink.warn(source.file(), source.position(), cut));
      }

      @Override
      public void skip(String file, int position, String reason) {
        sink.skip(file, position, reason);
      }

      @Override
      public void warn(String file, int position, String problem) {
        sink.warn(file, position, problem);
      }
    };
  }

  private void readStream(InputStream raw, String name, RecordSink sink, IngestReport report) throws IOException {
    BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
    in.mark(HEAD_BYTES);
    byte[] head = in.readNBytes(HEAD_BYTES);
    in.reset();
    if (head.length == 0) {
      sink.skip(name, 0, "empty file");
      return;
    }
    if (isZip(name, head)) {
      readZip(in, name, sink, report);
      return;
    }
    for (SourceReader reader : readers) {
      if (reader.accepts(name, head)) {
        report.fileRead();
        reader.read(in, name, sink);
        return;
      }
    }
    sink.skip(name, 0, "not a supported trial record format");
  }

  private void readZip(InputStream in, String zipName, RecordSink sink, IngestReport report) throws IOException {
    ZipInputStream zip = new ZipInputStream(in);
    ZipEntry entry;
    while ((entry = zip.getNextEntry()) != null) {
      if (entry.isDirectory()) continue;
      String name = zipName + "!/" + entry.getName();
      try {
        readStream(new KeepOpen(zip), name, sink, report);
      } catch (IOException e) {
        sink.skip(name, 0, "cannot read: " + e.getMessage());
      }
    }
  }

  private static boolean isZip(String name, byte[] head) {
    boolean magic = head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
    return magic || (name.toLowerCase(Locale.ROOT).endsWith(".zip") && head.length >= 2 && head[0] == 'P' && head[1] == 'K');
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }

  /** Lets a reader close what it was given without closing the zip around it. */
  private static final class KeepOpen extends FilterInputStream {
    KeepOpen(InputStream in) {
      super(in);
    }

    @Override
    public void close() {}
  }

  /** Tells the progress display how far through the current file the walk is. */
  private final class CountingStream extends FilterInputStream {
    CountingStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) progress.accept(1);
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) progress.accept(n);
      return n;
    }
  }
}
