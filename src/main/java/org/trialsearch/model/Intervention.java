package org.trialsearch.model;

import java.util.List;

/** A studied intervention: its type (DRUG, BIOLOGICAL, ...), name and the other names it goes by. */
public record Intervention(String type, String name, List<String> otherNames, String description) {
  public Intervention {
    otherNames = List.copyOf(otherNames);
  }
}
