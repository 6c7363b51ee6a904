package org.trialsearch.model;

import java.util.List;

/** Identifiers other than the NCT id: the sponsor's own, EU registry numbers, and any other stated ids. */
public record TrialIds(String orgStudyId, String eudractNumber, String ctisNumber, List<String> otherIds) {
  public TrialIds {
    otherIds = List.copyOf(otherIds);
  }

  public static TrialIds none() {
    return new TrialIds(null, null, null, List.of());
  }
}
