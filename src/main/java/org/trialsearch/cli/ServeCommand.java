package org.trialsearch.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.time.Duration;
import org.trialsearch.ServerSettings;
import org.trialsearch.TrialSearchServer;
import org.trialsearch.config.ConfigSource;
import org.trialsearch.config.Resources;
import org.trialsearch.http.HttpSettings;
import org.trialsearch.index.TrialIndex;
import org.trialsearch.ingest.IndexBuild;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Serves an index over HTTP. When the index folder holds no index yet, builds one first from "
        + "the sample trials in ./data (or the copy built into the jar).")
final class ServeCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

  private static final Path SAMPLE_INDEX = Path.of("trialsearch-index");

  @Option(names = "--index", description = "Index folder (default: trialsearch-index, built from the sample trials).")
  Path index;

  @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default: ${DEFAULT-VALUE}; 0 = any free port).")
  int port;

  @Option(names = "--host", defaultValue = HttpSettings.LOOPBACK,
      description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 = every interface).")
  String host;

  @Option(names = "--config", description = "Vocabulary folder (default: ./index-config if present, else the built-in one).")
  Path config;

  @Option(names = "--write-token-file", description = "File holding the token that writes (PUT, POST, DELETE) must present; "
      + "or set " + HttpSettings.TOKEN_VARIABLE + ". Without either, writes are refused.")
  Path writeTokenFile;

  @Option(names = "--cors-origin", description = "An origin whose pages may call the API from a browser (repeatable; default: none, CORS off).")
  List<String> corsOrigins = List.of();

  @Option(names = "--refresh-ms", defaultValue = "1000", description = "How long writes may take to become searchable, in ms (default: ${DEFAULT-VALUE}).")
  long refreshMillis;

  @Option(names = "--max-body-mb", defaultValue = "32", description = "Largest request body taken, in MiB (default: ${DEFAULT-VALUE}).")
  long maxBodyMb;

  @Option(names = "--query-budget-ms", defaultValue = "5000", description = "Longest a search may run before it is refused, in ms (default: ${DEFAULT-VALUE}).")
  long queryBudgetMillis;

  @Override
  public Integer call() throws Exception {
    ConfigSource configSource = ConfigSource.locate(config);
    boolean sample = index == null;
    if (sample) index = SAMPLE_INDEX;
    TrialIndex.State state = TrialIndex.state(index);
    // the sample index is this program's own: rebuild it when an older version wrote it
    if (state == TrialIndex.State.NONE || (sample && state == TrialIndex.State.OUTDATED)) buildSample(configSource);
    ServerSettings settings = settings();
    TrialSearchServer server = TrialSearchServer.start(index, port, configSource, settings);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        server.close();
        LOG.info("Stopped: requests under way finished, index committed");
      } catch (IOException e) {
        LOG.error("closing the index failed", e);
      }
      stopped.countDown();
    }));
    String address = host.equals("0.0.0.0") ? "every interface, as http://localhost" : "http://" + host;
    LOG.info("Serving {} on {}:{}/ (writes {}; heap up to {} MB, -Xmx)", index, address, server.port(),
        settings.http().writeToken().isPresent() ? "need the write token" : "disabled: no write token",
        Runtime.getRuntime().maxMemory() >> 20);
    stopped.await();
    return 0;
  }

  private ServerSettings settings() throws IOException {
    String token = writeTokenFile != null ? Files.readString(writeTokenFile).strip() : System.getenv(HttpSettings.TOKEN_VARIABLE);
    if (writeTokenFile != null && token.isEmpty()) throw new IOException("the write token file " + writeTokenFile + " is empty");
    return ServerSettings.defaults()
        .withHost(host)
        .withWriteToken(token)
        .withCorsOrigins(corsOrigins)
        .withRefreshInterval(Duration.ofMillis(refreshMillis))
        .withLimits(maxBodyMb << 20, Duration.ofMillis(queryBudgetMillis));
  }

  private void buildSample(ConfigSource configSource) throws IOException {
    Path sample = sampleData();
    LOG.info("No index in {}: building one from the sample trials in {}", index, sample.toUri());
    IndexBuild.Result result = IndexBuild.run(index, List.of(sample), configSource, bytes -> {});
    LOG.info("Indexed {} sample trials in {} ms", result.trials(), result.took().toMillis());
  }

  /** ./data when run from the repository, else the copy packed into the jar. */
  private static Path sampleData() throws IOException {
    Path local = Path.of("data");
    if (Files.isDirectory(local)) return local;
    Path packed = Resources.folder("/data");
    if (packed == null) throw new IOException("no sample data: neither ./data nor a packed copy exists");
    return packed;
  }
}
