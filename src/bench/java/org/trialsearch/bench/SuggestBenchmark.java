package org.trialsearch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.trialsearch.config.ConfigSource;
import org.trialsearch.index.TextAnalysis;
import org.trialsearch.index.TrialIndex;
import org.trialsearch.ingest.IndexBuild;
import org.trialsearch.suggest.Suggestions;
import org.trialsearch.vocabulary.Vocabulary;

/**
 * Autocomplete latency over the whole shared corpus, in process: what people type (short and long
 * prefixes, several words, typos), one lookup per call, sampled for percentiles. Run with
 * {@code mvn -q -Pbench test-compile exec:exec@bench} from the project folder (../shared beside it).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 4)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class SuggestBenchmark {

  /** Prefixes as people type them, typos included. */
  private static final String[] TYPED = {
      "b", "bc", "bcm", "cd", "cd1", "cd19", "cd22", "l", "ly", "lym", "lymph", "lympho", "lymphoma", "leuk", "leukemia",
      "acute lym", "acute lymphoblastic", "multiple my", "myel", "glio", "glioblastoma", "car", "car-t", "tisa", "kymr",
      "axi", "cilta", "ucart", "nsclc", "non-small", "asth", "waldenstrom", "lyphoma", "limphona", "leukimia", "b-cell mat",
      "china", "united st", "novar", "national cancer", "hepatocellular", "neuroblast", "mesothel", "claudin", "her2",
      "prostate", "breast canc", "pancrea", "ovarian", "colorectal"};

  private Path dir;
  private TrialIndex index;
  private Suggestions suggestions;
  private int next;

  @Setup(Level.Trial)
  public void buildIndex() throws IOException {
    ConfigSource config = ConfigSource.folder(Path.of("index-config"));
    dir = Files.createTempDirectory("trialsearch-bench");
    IndexBuild.run(dir, List.of(Path.of("..", "shared", "corpus"), Path.of("..", "shared", "seeds")), config, bytes -> {});
    Vocabulary vocabulary = Vocabulary.load(config);
    TextAnalysis analysis = TextAnalysis.of(vocabulary);
    index = TrialIndex.open(dir, analysis);
    suggestions = new Suggestions(index, vocabulary, analysis);
  }

  @Benchmark
  public List<Suggestions.Suggestion> suggest() throws IOException {
    String typed = TYPED[next++ % TYPED.length];
    return suggestions.suggest(typed, 10, null, Map.of());
  }

  @Benchmark
  public List<Suggestions.Suggestion> suggestWithinAFacetSelection() throws IOException {
    String typed = TYPED[next++ % TYPED.length];
    return suggestions.suggest(typed, 10, null, Map.of("antigen", List.of("CD19")));
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    suggestions.close();
    index.close();
  }
}
