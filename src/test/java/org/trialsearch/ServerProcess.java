package org.trialsearch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trialsearch.cli.Main;

/** {@code serve} in a JVM of its own, as an operator runs it: so tests can stop it with SIGTERM or kill it with SIGKILL. */
public final class ServerProcess implements AutoCloseable {

  private static final Pattern SERVING = Pattern.compile("Serving .* on .*http://.+:(\\d+)/");

  private final Process process;
  private final int port;
  private final List<String> output;
  private final Thread reader;

  private ServerProcess(Process process, int port, List<String> output, Thread reader) {
    this.process = process;
    this.port = port;
    this.output = output;
    this.reader = reader;
  }

  /** Starts {@code serve --index INDEX --port 0 ARGS...} with these environment variables, and waits until it serves. */
  public static ServerProcess start(Path index, Map<String, String> environment, String... args) throws Exception {
    return start(index, environment, List.of("-Xmx1g"), args);
  }

  /** As {@link #start(Path, Map, String...)}, with these JVM options (heap size, ...). */
  public static ServerProcess start(Path index, Map<String, String> environment, List<String> jvmOptions, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
        "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"));
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(),
        "serve", "--index", index.toString(), "--port", "0"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(environment);
    Process process = builder.start();
    List<String> output = java.util.Collections.synchronizedList(new ArrayList<>());
    CompletableFuture<Integer> port = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = lines.readLine()) != null) {
          if (!line.contains("trialsearch.requests")) output.add(line);
          Matcher m = SERVING.matcher(line);
          if (m.find()) port.complete(Integer.parseInt(m.group(1)));
        }
        port.completeExceptionally(new AssertionError("the server stopped before serving:\n" + String.join("\n", output)));
      } catch (IOException e) {
        port.completeExceptionally(e);
      }
    }, "server-output");
    reader.setDaemon(true);
    reader.start();
    return new ServerProcess(process, port.get(2, TimeUnit.MINUTES), output, reader);
  }

  public int port() {
    return port;
  }

  public Process process() {
    return process;
  }

  /** What the server printed, request logs aside. */
  public List<String> output() {
    return List.copyOf(output);
  }

  /** SIGKILL: no shutdown hook runs, nothing is flushed or committed. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(60, TimeUnit.SECONDS);
  }

  /**
   * SIGTERM, as an operator or a service manager sends it, waiting until it has stopped. Sent with
   * the kill command: a JVM's own {@code Process.destroy()} ends a child JVM here without running its
   * shutdown hooks.
   */
  public void stop() throws InterruptedException, IOException {
    new ProcessBuilder("kill", "-TERM", String.valueOf(process.pid())).inheritIO().start().waitFor();
    if (!process.waitFor(60, TimeUnit.SECONDS)) throw new AssertionError("the server did not stop within 60 s of SIGTERM");
    reader.join(10_000); // everything it printed has been read
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) kill();
  }
}
