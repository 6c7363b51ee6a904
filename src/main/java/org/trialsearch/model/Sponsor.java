package org.trialsearch.model;

import java.util.List;

/** The lead sponsor, its class as the registry states it (INDUSTRY, NIH, OTHER, ...), and collaborators. */
public record Sponsor(String lead, String leadClass, List<String> collaborators) {
  public Sponsor {
    collaborators = List.copyOf(collaborators);
  }
}
