package org.trialsearch.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How search reads a trial's conditions, on conditions as registry records write them. */
class ConditionReadingTest {

  @Test
  void whatAConditionSaysTheTrialDoesNotTakeIsAnExclusion() {
    // NCT07539688's conditions
    ConditionReading.Read read = ConditionReading.of(List.of("Relapsed/Refractory B-cell Lymphoma",
        "Inert B-cell Lymphoma Transformed Into Large B-cell Lymphoma (Excluding Richter Transformation, THRLBCL, and BL)"));
    assertEquals(List.of("Relapsed/Refractory B-cell Lymphoma", "Inert B-cell Lymphoma Transformed Into Large B-cell Lymphoma"), read.conditions());
    assertEquals(List.of("Excluding Richter Transformation, THRLBCL, and BL"), read.exceptions());
  }

  @Test
  void anExceptionToTheEndOfTheConditionCountsToo() {
    ConditionReading.Read read = ConditionReading.of(List.of("Solid Tumors, Except Melanoma", "Lymphoma (Hodgkin or non-Hodgkin)"));
    assertEquals(List.of("Solid Tumors", "Lymphoma (Hodgkin or non-Hodgkin)"), read.conditions());
    assertEquals(List.of("Except Melanoma"), read.exceptions());
  }
}
