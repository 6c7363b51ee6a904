package org.trialsearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SpellingCorrectorTest {

  @Test
  void aSwapOfNeighbouringLettersIsOneEdit() {
    assertEquals(1, SpellingCorrector.edits("leukimia", "leukemia"));
    assertEquals(1, SpellingCorrector.edits("lymphmoa", "lymphoma"), "a swap");
    assertEquals(2, SpellingCorrector.edits("lymphmoa", "lymphona"), "a swap and a change");
    assertEquals(3, SpellingCorrector.edits("kitten", "sitting"));
    assertEquals(0, SpellingCorrector.edits("glioma", "glioma"));
  }
}
