package org.trialsearch.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.trialsearch.Collected;
import org.trialsearch.SharedCorpus;
import org.trialsearch.model.Trial;

class CriteriaAndAgesTest {

  @Test
  void registryAgesBecomeYears() {
    assertEquals(16.0, AgeParser.years("16 Years"));
    assertEquals(0.5, AgeParser.years("6 Months"));
    assertEquals(1.0, AgeParser.years("1 Year"));
    assertEquals(0.077, AgeParser.years("4 Weeks"));
    assertEquals(0.082, AgeParser.years("30 Days"));
    assertNull(AgeParser.years("N/A"));
    assertNull(AgeParser.years(null));
  }

  @Test
  void criteriaWithHeadingsSplitIntoInclusionAndExclusion() {
    Trial trial = read("b7h3-ccr8-targets-ctg-studies.json", "NCT04077866");
    var eligibility = trial.eligibility();
    assertTrue(eligibility.inclusion().startsWith("* Documented informed consent of the participant"), eligibility.inclusion());
    assertTrue(eligibility.inclusion().endsWith("within one year after B7-H3 CAR-T infusion"), eligibility.inclusion());
    assertTrue(eligibility.exclusion().startsWith("* Other active malignancy in the past 2 years"), eligibility.exclusion());
    assertTrue(eligibility.exclusion().contains("Active immunodeficiency virus (HIV) or hepatitis B or hepatitis C virus infection"));
    // the registry's Markdown escapes are not part of the text
    assertTrue(eligibility.inclusion().contains("(H-score >= 50)"), eligibility.inclusion());
    assertEquals(18.0, eligibility.minimumAgeYears());
    assertEquals(75.0, eligibility.maximumAgeYears());
  }

  @Test
  void criteriaWithoutHeadingsStayWhole() {
    String text = "Patients with asthma aged 12 or more.\nNo smokers.";
    assertEquals(new CriteriaSplitter.Halves(null, null), CriteriaSplitter.split(text));
  }

  @Test
  void textBeforeALoneExclusionHeadingIsTheInclusionHalf() {
    var halves = CriteriaSplitter.split("Eligibility Criteria\n\n* ECOG 0-1\n\nExclusion Criteria:\n\n* pregnancy");
    assertEquals("Eligibility Criteria\n\n* ECOG 0-1", halves.inclusion());
    assertEquals("* pregnancy", halves.exclusion());
  }

  @Test
  void aCombinedHeadingSplitsNothing() {
    String text = "INCLUSION/EXCLUSION CRITERIA:\n- adults with asthma\n- no smokers";
    assertEquals(new CriteriaSplitter.Halves(null, null), CriteriaSplitter.split(text));
  }

  @Test
  void keyAndSubgroupHeadingsAreRecognised() {
    String text = "Key Inclusion Criteria:\n- adults\nINCLUSION CRITERIA FOR DONORS\n- healthy donor\nKey Exclusion Criteria:\n- pregnancy\n"
        + "Exclusion of patients with active infection is at the investigator's discretion";
    var halves = CriteriaSplitter.split(text);
    assertEquals("- adults\n- healthy donor", halves.inclusion());
    assertEquals("- pregnancy\nExclusion of patients with active infection is at the investigator's discretion", halves.exclusion());
  }

  @Test
  void aHeadingsOwnLineMayHoldTextOfItsHalf() {
    Trial trial = read("misc-ctg-studies-2.json", "NCT05923281");
    var eligibility = trial.eligibility();
    assertTrue(eligibility.inclusion().startsWith("The person who meet all the following criteria the object to the clinical trial\n"),
        eligibility.inclusion());
    assertTrue(eligibility.exclusion().startsWith("The person who meet any of the following criteria will be excluded from the study.\n"),
        eligibility.exclusion());
    assertTrue(eligibility.exclusion().contains("4. Patients with undergoing LDL apheresis"), eligibility.exclusion());
    assertTrue(!eligibility.inclusion().contains("LDL apheresis"), eligibility.inclusion());

    var halves = CriteriaSplitter.split("Inclusion criteria: - Age > 18 years\n- asthma\nExclusion Criteria:\n- smokers");
    assertEquals("- Age > 18 years\n- asthma", halves.inclusion());
    assertEquals("- smokers", halves.exclusion());
  }

  @Test
  void aHeadingRunOnAfterTheLastCriterionStartsItsHalf() {
    var halves = CriteriaSplitter.split("Inclusion Criteria:- Healthy adult male subjects\n"
        + "Hepatitis C at screening Exclusion Criteria:- Any unstable medical disorder\nKey Exclusion Criteria:\n- smokers");
    assertEquals("- Healthy adult male subjects\nHepatitis C at screening", halves.inclusion());
    assertEquals("- Any unstable medical disorder\n- smokers", halves.exclusion());
  }

  private static Trial read(String file, String nctId) {
    return Collected.from(SharedCorpus.v2().resolve(file)).trial(nctId);
  }


}
