package org.trialsearch.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the benchmark reads off the processes it runs: memory, and commands it waits for. */
final class Processes {

  private static final Pattern PSS = Pattern.compile("^Pss:\\s+(\\d+) kB", Pattern.MULTILINE);
  private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

  private Processes() {}

  /**
   * Proportional set size: resident memory with pages shared between processes split among them,
   * so that the processes of one server (PostgreSQL's) add up to what the server holds.
   */
  static long residentBytes(long pid) throws IOException {
    String rollup = Files.readString(Path.of("/proc", String.valueOf(pid), "smaps_rollup"));
    Matcher m = PSS.matcher(rollup);
    return m.find() ? Long.parseLong(m.group(1)) * 1024 : 0;
  }

  /** Heap in use after a full collection of a JVM, through jcmd. */
  static long heapAfterGc(long pid) throws IOException, InterruptedException {
    String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
    run(List.of(jcmd, String.valueOf(pid), "GC.run"));
    Matcher m = HEAP_USED.matcher(run(List.of(jcmd, String.valueOf(pid), "GC.heap_info")));
    return m.find() ? Long.parseLong(m.group(1)) * 1024 : -1;
  }

  /** Runs a command to its end; its output, or an exception saying how it failed. */
  static String run(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " failed (" + process.exitValue() + "):\n" + output);
    }
    return output;
  }
}
