package org.trialsearch.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trialsearch.model.Eligibility;

/** How search reads criteria halves, on criteria as registry records write them. */
class CriteriaReadingTest {

  @Test
  void anExclusionSentenceThatAllowsIsReadWithTheInclusions() {
    // NCT00001637's exclusions, wrapped as the record wraps them
    CriteriaReading.Halves halves = CriteriaReading.of(split("Age 18 to 75.",
        "HIV positive (donor or recipient). Donors who are positive for HBV, HCV, or HTLV will be\nused at the discretion of the investigator following counseling.\n\nPregnant or lactating."));
    assertEquals("Age 18 to 75.\nDonors who are positive for HBV, HCV, or HTLV will be used at the discretion of the investigator following counseling.",
        halves.inclusion());
    assertEquals("HIV positive (donor or recipient).\nPregnant or lactating.", halves.exclusion());
  }

  @Test
  void anExceptionInParenthesesOrANegatedAllowanceStillExcludes() {
    String exclusion = "* Positive HBs antigen (patients with positive HBc antibody can be enrolled when HBV-DNA is negative)\n"
        + "* Live vaccines are not allowed within 30 days\n* No other investigational agents allowed";
    CriteriaReading.Halves halves = CriteriaReading.of(split("* Adults", exclusion));
    assertEquals("* Adults", halves.inclusion());
    assertEquals(exclusion, halves.exclusion(), "nothing moved: the stated half as written");
  }

  @Test
  void criteriaWithoutHeadingsAreSplitByEachCriterionsWording() {
    // the shape of NCT00002839's criteria
    String criteria = "PATIENT CHARACTERISTICS:\n\nPerformance status:\n\n-  ECOG 0-2 OR\n\n-  WHO 0-2\n\n"
        + "-  No second malignancy except:\n\n-  Carcinoma in situ of the cervix\n\n-  Not pregnant or nursing\n\n"
        + "-  Prior chemotherapy allowed\n\n-  Patients with active hepatitis are excluded";
    CriteriaReading.Halves halves = CriteriaReading.of(new Eligibility(criteria, null, null, null, null, null, null, List.of(), null));
    assertEquals(String.join("\n", "PATIENT CHARACTERISTICS:", "Performance status:", "ECOG 0-2 OR", "WHO 0-2",
        "Carcinoma in situ of the cervix", "Prior chemotherapy allowed"), halves.inclusion());
    assertEquals(String.join("\n", "No second malignancy except:", "Not pregnant or nursing", "Patients with active hepatitis are excluded"),
        halves.exclusion());
  }

  @Test
  void noCriteriaNoHalves() {
    assertNull(CriteriaReading.of(null).inclusion());
    assertNull(CriteriaReading.of(new Eligibility(null, null, null, null, null, null, null, List.of(), null)).exclusion());
  }

  private static Eligibility split(String inclusion, String exclusion) {
    return new Eligibility(inclusion + "\n" + exclusion, inclusion, exclusion, null, null, null, null, List.of(), null);
  }
}
