package org.trialsearch;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The packages follow the pipeline, from the bottom up: a package uses only the steps before it,
 * never one after, and no packages use each other in a circle. Read from the compiled classes, so
 * every use counts, not only the import lines.
 */
class PipelineLayersTest {

  private static final String ROOT = "org.trialsearch";

  /** Each step and its packages, from the bottom. The server that wires everything is the root package. */
  private static final List<List<String>> STEPS = List.of(
      List.of("model", "config", "error"),
      List.of("vocabulary"),
      List.of("source", "source.ctgov", "source.csv", "source.page"),
      List.of("merge"),
      List.of("enrich"),
      List.of("index", "index.facet"),
      List.of("ingest"),
      List.of("search", "search.query"),
      List.of("suggest"),
      List.of("write"),
      List.of("web"),
      List.of("http"),
      List.of(""),
      List.of("cli"));

  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages(ROOT);

  @Test
  void everyPackageHasItsPlaceInThePipeline() {
    Set<String> placed = STEPS.stream().flatMap(List::stream).map(PipelineLayersTest::qualified).collect(Collectors.toCollection(TreeSet::new));
    Set<String> packages = CLASSES.stream().map(JavaClass::getPackageName).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(placed, packages, "a new package needs its step in STEPS");
  }

  @Test
  void noPackageUsesALaterStep() {
    LayeredArchitecture layers = layeredArchitecture().consideringOnlyDependenciesInLayers();
    for (int step = 0; step < STEPS.size(); step++) {
      layers = layers.layer(name(step)).definedBy(STEPS.get(step).stream().map(PipelineLayersTest::qualified).toArray(String[]::new));
    }
    for (int step = 1; step < STEPS.size(); step++) {
      List<String> later = new ArrayList<>();
      for (int after = step; after < STEPS.size(); after++) later.add(name(after));
      layers = layers.whereLayer(name(step - 1)).mayOnlyBeAccessedByLayers(later.toArray(String[]::new));
    }
    layers.whereLayer(name(STEPS.size() - 1)).mayNotBeAccessedByAnyLayer().check(CLASSES);
  }

  @Test
  void noPackagesUseEachOtherInACircle() {
    slices().matching(ROOT + ".(**)").should().beFreeOfCycles().check(CLASSES);
  }

  private static String name(int step) {
    return STEPS.get(step).stream().map(pkg -> pkg.isEmpty() ? "root" : pkg).collect(Collectors.joining("+"));
  }

  private static String qualified(String pkg) {
    return pkg.isEmpty() ? ROOT : ROOT + "." + pkg;
  }
}
