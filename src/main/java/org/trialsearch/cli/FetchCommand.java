package org.trialsearch.cli;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.trialsearch.source.ctgov.RegistryFetcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "fetch",
    mixinStandardHelpOptions = true,
    description = "Downloads every study that a ClinicalTrials.gov API v2 query finds into a newline-delimited JSON file "
        + "that the index command reads. Example: fetch --query \"chimeric antigen receptor\" --out car-t.ndjson")
final class FetchCommand implements Callable<Integer> {

  @Option(names = "--query", description = "Search terms (the API's query.term).")
  String term;

  @Option(names = "--param", paramLabel = "NAME=VALUE", description = "Any other API parameter, e.g. query.cond=lymphoma or filter.overallStatus=RECRUITING; repeatable.")
  Map<String, String> params = new LinkedHashMap<>();

  @Option(names = "--out", required = true, description = "File to write (replaced when the fetch completes).")
  Path out;

  @Option(names = "--page-size", defaultValue = "1000", description = "Studies per request (default: ${DEFAULT-VALUE}, the API's maximum).")
  int pageSize;

  @Option(names = "--max-pages", defaultValue = "100000", description = "Stop after this many pages (default: all).")
  int maxPages;

  @Option(names = "--retries", defaultValue = "6", description = "Retries of a request answered 429 or 5xx (default: ${DEFAULT-VALUE}).")
  int retries;

  @Option(names = "--base-url", description = "API base (default: " + "https://clinicaltrials.gov/api/v2/" + ").")
  URI baseUrl = RegistryFetcher.DEFAULT_BASE;

  @Override
  public Integer call() throws Exception {
    Map<String, String> query = new LinkedHashMap<>(params);
    if (term != null) query.put("query.term", term);
    if (query.isEmpty()) {
      System.err.println("error: give --query or at least one --param; fetching the whole registry needs an explicit choice");
      return 1;
    }
    URI base = baseUrl.toString().endsWith("/") ? baseUrl : URI.create(baseUrl + "/");
    RegistryFetcher.Result result = new RegistryFetcher(base, retries, Duration.ofSeconds(2)).fetch(query, pageSize, maxPages, out);
    System.out.printf("Wrote %d studies from %d pages to %s (%d requests retried)%n", result.studies(), result.pages(), out, result.retries());
    return 0;
  }
}
