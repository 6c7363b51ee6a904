package org.trialsearch.peer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.solr.embedded.JettyConfig;
import org.apache.solr.embedded.JettySolrRunner;

/**
 * A real HTTP Solr node for the benchmark, on loopback: two cores, {@code trials} (the trial
 * records, their facet fields and highlighting) and {@code suggest} (autocomplete values). Its
 * configuration is copied into the Solr home on first start. Prints {@code Solr listening on PORT}
 * once it serves, and stops cleanly on SIGTERM.
 */
public final class SolrNode {

  private static final List<String> FILES = List.of("solr.xml", "trials/core.properties", "trials/conf/solrconfig.xml",
      "trials/conf/schema.xml", "suggest/core.properties", "suggest/conf/solrconfig.xml", "suggest/conf/schema.xml");

  private SolrNode() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: SolrNode SOLR_HOME PORT");
      System.exit(2);
    }
    Path home = Path.of(args[0]);
    install(home);
    JettySolrRunner solr = new JettySolrRunner(home.toString(),
        JettyConfig.builder().setPort(Integer.parseInt(args[1])).setContext("/solr").stopAtShutdown(true).build());
    solr.start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        solr.stop();
      } catch (Exception e) {
        e.printStackTrace();
      }
    }));
    System.out.println("Solr listening on " + solr.getLocalPort());
    System.out.flush();
    Thread.currentThread().join();
  }

  private static void install(Path home) throws IOException {
    for (String file : FILES) {
      Path target = home.resolve(file);
      if (Files.exists(target)) continue;
      Files.createDirectories(target.getParent());
      try (InputStream in = SolrNode.class.getResourceAsStream("/solr-home/" + file)) {
        Files.copy(in, target);
      }
    }
  }
}
