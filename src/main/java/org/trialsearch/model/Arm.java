package org.trialsearch.model;

import java.util.List;

/** An arm group of the study and the interventions given in it. */
public record Arm(String label, String type, String description, List<String> interventionNames) {
  public Arm {
    interventionNames = List.copyOf(interventionNames);
  }
}
