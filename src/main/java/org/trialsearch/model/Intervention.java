package org.trialsearch.model;

import java.util.List;
import java.util.stream.Stream;

/** A studied intervention: its type (DRUG, BIOLOGICAL, ...), name and the other names it goes by. */
public record Intervention(String type, String name, List<String> otherNames, String description) {
  public Intervention {
    otherNames = List.copyOf(otherNames);
  }

  /** Its name and the other names it goes by, as search, tagging and suggestions read them. */
  public Stream<String> names() {
    return Stream.concat(Stream.of(name), otherNames.stream());
  }
}
