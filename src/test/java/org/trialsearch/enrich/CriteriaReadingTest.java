package org.trialsearch.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
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
    CriteriaReading.Halves halves = CriteriaReading.of(unheaded(criteria));
    assertEquals(String.join("\n", "PATIENT CHARACTERISTICS:", "Performance status:", "ECOG 0-2 OR", "WHO 0-2",
        "Carcinoma in situ of the cervix", "Prior chemotherapy allowed"), halves.inclusion());
    assertEquals(String.join("\n", "No second malignancy except:", "Not pregnant or nursing", "Patients with active hepatitis are excluded"),
        halves.exclusion());
  }

  @Test
  void aNegatedCriterionUnderTheInclusionHeadingIsAnExclusion() {
    // NCT00009984 lists what it takes and what it does not under one "Inclusion Criteria" heading
    CriteriaReading.Halves halves = CriteriaReading.of(split("- Diagnosis of B-cell CLL\n\n"
        + "- No other lymphoproliferative diseases or diseases due to transformation of CLL (e.g., prolymphocytic leukemia or\nRichter's syndrome)\n\n"
        + "- Not eligible for autologous transplant", "- Pregnant"));
    assertEquals("Diagnosis of B-cell CLL\nNot eligible for autologous transplant", halves.inclusion(),
        "unfit for a treatment is whom such a trial takes");
    assertEquals("No other lymphoproliferative diseases or diseases due to transformation of CLL (e.g., prolymphocytic leukemia or Richter's syndrome)\n- Pregnant",
        halves.exclusion());
  }

  @Test
  void subHeadingsTurnTheCriteriaBelowThem() {
    // NCT00002284's criteria, all under one "Exclusion Criteria" heading
    String exclusion = "Co-existing Condition:\n\nPatients with current life-threatening infection at time of transplant that would preclude\n"
        + "a transplant are excluded.\n\nConcurrent Medication:\n\nExcluded:\n\n-  Other anti-retroviral agents.\n\n"
        + "Patients must be:\n\n-  HTLV III antibody positive by ELISA or Western blot or HTLV III viremia.\n\n"
        + "-  At high mortal risk with a diagnosis of AIDS or AIDS Related Complex (ARC).";
    CriteriaReading.Halves halves = CriteriaReading.of(split(null, exclusion));
    assertEquals(String.join("\n", "Patients must be:", "HTLV III antibody positive by ELISA or Western blot or HTLV III viremia.",
        "At high mortal risk with a diagnosis of AIDS or AIDS Related Complex (ARC)."), halves.inclusion());
    assertEquals(String.join("\n", "Co-existing Condition:",
        "Patients with current life-threatening infection at time of transplant that would preclude a transplant are excluded.",
        "Concurrent Medication:", "Excluded:", "Other anti-retroviral agents."), halves.exclusion());
  }

  @Test
  void aListItemEndingInAColonHeadsOnlyItsOwnSubItems() {
    // NCT05798663's exclusions 19 and 20: the allowed therapies are sub-items of 19, and 20 excludes again
    String exclusion = "19. Treatment with systemic immunostimulatory agents, except the following are allowed:\n\n"
        + "    * Hormone-replacement therapy or oral contraceptives\n20. Known clinically significant liver disease.";
    CriteriaReading.Halves halves = CriteriaReading.of(split("* Adults", exclusion));
    assertEquals("* Adults", halves.inclusion());
    assertEquals(exclusion, halves.exclusion());
  }

  @Test
  void aNoteUnderAnExclusionExcludesNobody() {
    // NCT07205718's exclusion 22, which allows the vaccine its note is about
    CriteriaReading.Halves halves = CriteriaReading.of(split("* Adults", "22. Receipt of live attenuated vaccine within 28 days of C1D1 of TAK-188. "
        + "Non-live, approved vaccines are allowed (for example, COVID-19 vaccine).\n\n    a. Note: COVID-19 vaccination should not be given "
        + "within ±3 days of systemic trial treatments.\n23. Recipients of stem cell transplantation.\n    b. Note: patients on dialysis are excluded."));
    assertEquals(String.join("\n", "* Adults", "Non-live, approved vaccines are allowed (for example, COVID-19 vaccine).",
        "Note: COVID-19 vaccination should not be given within ±3 days of systemic trial treatments."), halves.inclusion());
    assertEquals(String.join("\n", "Receipt of live attenuated vaccine within 28 days of C1D1 of TAK-188.",
        "Recipients of stem cell transplantation.", "Note: patients on dialysis are excluded."), halves.exclusion());
  }

  @Test
  void anExclusionIsSearchedWithoutItsPointsInTimeExceptionsAndReasons() {
    // lines of NCT04077866, NCT02759614, NCT00496132 and NCT06500819
    String exclusion = String.join("\n", "* Radiotherapy within 6 weeks before leukapheresis",
        "8. Current or recent (within 10 days of first dose of bevacizumab) use of aspirin.",
        "- Prior use of anti-CD20 monoclonal antibody therapy (other than rituximab)",
        "9. Pregnant females are excluded because the chemotherapy agents used in this trial (cyclophosphamide and fludarabine) are category D agents.",
        "* Prior CAR-T therapy");
    CriteriaReading.Halves halves = CriteriaReading.of(split("* Adults", exclusion));
    assertEquals(exclusion, halves.exclusion(), "shown whole");
    String searched = exclusion;
    for (String aside : List.of("before leukapheresis", "first dose of bevacizumab", "other than rituximab",
        "because the chemotherapy agents used in this trial (cyclophosphamide and fludarabine) are category D agents")) {
      searched = searched.replace(aside, " ".repeat(aside.length()));
    }
    assertEquals(searched, halves.exclusionSearched(), "searched without its asides, every other word where it was");
  }

  @Test
  void reasonsPurposesExceptionsAndFitnessAreAsidesAndAReasonGoesOnOverAWrappedLine() {
    // lines of NCT00003659 (wrapped as the record is), NCT01562210, NCT00006430, NCT00462995, NCT00462345, NCT00460967,
    // NCT00001623, NCT00001409 and NCT05241392
    String exclusion = String.join("\n",
        "-  Patients with significant autoimmune hemolytic anemia shall not be eligible for treatment on this protocol as there is some evidence that",
        "   fludarabine can worsen these conditions.",
        "-  Concomitant prednisone therapy will not be permitted as the combination of fludarabine",
        "   and prednisone is known to increase the risk",
        "* Hepatitis B or Hepatitis C as they may be more at risk of toxicity from Olaparib",
        "-  The patient has inadequate peripheral vein access to perform leukapheresis.",
        "-  Because drugs that induce CYP3A4 enzymes reduce erlotinib, patients with ongoing use of phenytoin or rifampicin are excluded.",
        "-  Less than 5 years since prior chemotherapy, or prior cladribine as well as fludarabine is excluded.",
        "- concurrent treatment with any DMARD (apart from methotrexate), anti-TNF alpha therapy, or other biologic agent.",
        "- Subjects with prolonged PT/PTT (unless the subject is taking warfarin), hematocrit <35%",
        "- Donor unfit to receive G-CSF and undergo apheresis.",
        "Untreated medical condition which, in the judgement of the Principal Investigator, precludes apheresis.",
        "* Contraindication to bevacizumab");
    CriteriaReading.Halves halves = CriteriaReading.of(split("* Adults", exclusion));
    String searched = exclusion;
    for (String aside : List.of("as there is some evidence that\n   fludarabine can worsen these conditions",
        "as the combination of fludarabine\n   and prednisone is known to increase the risk", "as they may be more at risk of toxicity from Olaparib",
        "access to perform leukapheresis", "Because drugs that induce CYP3A4 enzymes reduce erlotinib", "apart from methotrexate",
        "unless the subject is taking warfarin", "unfit to receive G-CSF and undergo apheresis", "precludes apheresis")) {
      assertTrue(searched.contains(aside), aside);
      searched = searched.replace(aside, aside.replaceAll("[^\n]", " "));
    }
    assertEquals(searched, halves.exclusionSearched(), "the point in time since chemotherapy, the list 'as well as' and the contraindication stay searched");
  }

  @Test
  void anExclusionOfThoseUnfitForTheTrialsOwnTreatmentIsAnAsideAndOfAnotherDrugItExcludes() {
    // lines of NCT00001955 (gives etanercept), NCT00004728 (warfarin or aspirin, wrapped as the record is) and NCT00498368
    // (gives rituximab, and also excludes prior rituximab)
    String exclusion = String.join("\n",
        "Patients with sepsis or with known hypersensitivity to etanercept or any of its components will be excluded from the study.",
        "-  A contraindication to the use of either warfarin or aspirin e.g. active peptic ulcer",
        "-  Severe liver impairment, allergy to aspirin or",
        "warfarin, uncontrolled severe hypertension",
        "-  Previous Treatment with Rituximab(MabThera/Rituxan)",
        "-  Patients with anaphylaxis and/or known allergic reactions to Rituximab",
        "* Contraindication to bevacizumab");
    CriteriaReading.Halves halves = CriteriaReading.of(split("* Adults", exclusion), List.of("Etanercept", "Warfarin", "Aspirin", "Rituximab"));
    String searched = exclusion;
    for (String aside : List.of("hypersensitivity to etanercept or any of its components will be excluded from the study",
        "contraindication to the use of either warfarin or aspirin e", "allergy to aspirin or\nwarfarin, uncontrolled severe hypertension",
        "allergic reactions to Rituximab")) {
      assertTrue(searched.contains(aside), aside);
      searched = searched.replace(aside, aside.replaceAll("[^\n]", " "));
    }
    assertEquals(searched, halves.exclusionSearched(), "prior rituximab and the other drug's contraindication stay searched");
    assertEquals(CriteriaReading.of(split("* Adults", exclusion)).exclusionSearched().indexOf("etanercept"), exclusion.indexOf("etanercept"),
        "without the trial's treatments, a contraindication excludes");
  }

  @Test
  void anExclusionOfThoseUnfitForWhatTheStudyGivesIsAnAsideWhateverItNames() {
    // NCT06646627 lists only its CAR-T product as an intervention; its lymphodepletion is in the arms
    String unfit = "9. Known sensitivities to any of the agents used in this study or their reagents including steroids, tocilizumab, DSMO, "
        + "cyclophosphamide, fludarabine, etc.";
    String prior = "10. Prior treatment with cyclophosphamide within 4 weeks";
    CriteriaReading.Halves halves = CriteriaReading.of(split("* Adults", unfit + "\n" + prior), List.of("CD19 CAR-T cells"));
    String aside = unfit.substring(unfit.indexOf("sensitivities"), unfit.length() - 1); // to the full stop
    assertEquals(unfit.replace(aside, aside.replaceAll(".", " ")) + "\n" + prior, halves.exclusionSearched(),
        "the study's own agents are an aside; prior cyclophosphamide still excludes");
  }

  @Test
  void anExceptionRunsToTheCloseOfItsParenthesisAndAnExceptionAfterAnExclusionDoesNotAllowIt() {
    // NCT00000640 (the exception holds a parenthesis of its own, and wraps) and NCT05482516 (one criterion, the exceptions after a colon)
    String steroids = "-  Systemic steroids above adrenal replacement doses within 7 days prior to study entry\n"
        + "(except for patients with (A-a) DO2 of 35 - 45 torr who receive prednisone in\nconjunction with acute anti-PCP treatment).";
    String immunosuppression = "34. Treatment with systemic immunosuppressive medication (including, but not limited to,\ncorticosteroids, cyclophosphamide, "
        + "azathioprine) within 2 weeks, with the following exceptions: o Patients who received acute, low-dose systemic\n"
        + "immunosuppressant medication are eligible for the study";
    CriteriaReading.Halves halves = CriteriaReading.of(split("* Adults", steroids + "\n" + immunosuppression));
    assertEquals("* Adults", halves.inclusion(), "the exceptions do not make an allowance of the exclusion");
    String exception = "except for patients with (A-a) DO2 of 35 - 45 torr who receive prednisone in\nconjunction with acute anti-PCP treatment";
    assertTrue(halves.exclusionSearched().startsWith(steroids.replace(exception, exception.replaceAll("[^\n]", " ")).replace("prior to study entry",
        "                    ")), halves.exclusionSearched());
    assertTrue(halves.exclusionSearched().contains("cyclophosphamide"));
  }

  @Test
  void aScopeInParenthesesSaysToWhomACriterionAppliesAndExcludesNothing() {
    // NCT00004300 (gives bromocriptine and sertraline)
    String exclusion = "No history of seizure within 4 months prior to study (for bromocriptine and sertraline treatments)\n"
        + "No sensitivity to serotonin uptake inhibitors (for sertraline treatment)";
    CriteriaReading.Halves halves = CriteriaReading.of(split("* Adults", exclusion), List.of("bromocriptine", "sertraline hydrochloride"));
    String searched = exclusion;
    for (String aside : List.of("prior to study ", "for bromocriptine and sertraline treatments", "sensitivity to serotonin uptake inhibitors (for sertraline treatment)")) {
      assertTrue(searched.contains(aside), aside);
      searched = searched.replace(aside, aside.replaceAll("[^\n]", " "));
    }
    assertEquals(searched, halves.exclusionSearched());
  }

  @Test
  void aLabelSaysToWhomTheCriteriaBelowApply() {
    // NCT00001955 (celecoxib, then etanercept) and the arms of older cancer records
    String exclusion = "Pregnant women will not be included in the study.\n\nEtanercept Study:\n\n\nSubjects who had undergone TMJ surgery "
        + "within the preceding 6 months will be excluded.\n-  Arm II: prior doxorubicin\nNo prior etanercept study drug\n"
        + "Participation in another study: within 30 days";
    CriteriaReading.Halves halves = CriteriaReading.of(split("* Adults", exclusion));
    String searched = exclusion.replace("Etanercept Study:", " ".repeat(17)).replace("Arm II:", " ".repeat(7));
    assertEquals(searched, halves.exclusionSearched(), "the labels are blank; the criteria under them are not");
  }

  @Test
  void aTestSomeMustHaveKeepsOutOnlyThoseWhoFailIt() {
    // NCT00003145: the anthracyclines say who needs the test, not whom the trial excludes
    String exclusion = "-  Cardiac ejection fraction < 40%; ejection fraction is required if the patient has\na history of anthracyclines or history of cardiac disease";
    CriteriaReading.Halves halves = CriteriaReading.of(split("* Adults", exclusion));
    String test = "is required if the patient has\na history of anthracyclines or history of cardiac disease";
    assertEquals(exclusion.replace(test, test.replaceAll("[^\n]", " ")), halves.exclusionSearched());
  }

  @Test
  void itemsRunTogetherInOlderRecordsAreToldApartByTheirLabelsAndNegations() {
    // NCT00002632's criteria, without headings, as the record wraps them
    String criteria = "PATIENT CHARACTERISTICS: Age: 18 and over Performance status: ECOG 0-2 Hematopoietic: WBC at least 3,000/mm3 Hb at least\n"
        + "10 g/dL Hepatic: Bilirubin no greater than 1.5 mg/dL Renal: Creatinine no greater than 2.0\n"
        + "mg/dL Cardiovascular: No MI within the past 6 months No CHF Other: Not pregnant or nursing Yes or No answers recorded";
    CriteriaReading.Halves halves = CriteriaReading.of(unheaded(criteria));
    assertEquals(String.join("\n", "PATIENT CHARACTERISTICS: Age: 18 and over", "Performance status: ECOG 0-2",
        "Hematopoietic: WBC at least 3,000/mm3 Hb at least", "10 g/dL", "Hepatic: Bilirubin no greater than 1.5 mg/dL",
        "Renal: Creatinine no greater than 2.0 mg/dL", "Cardiovascular:", "Other:"), halves.inclusion());
    assertEquals(String.join("\n", "No MI within the past 6 months", "No CHF", "Not pregnant or nursing Yes or No answers recorded"),
        halves.exclusion());
  }

  @Test
  void aSubjectThatMustNotHaveSomethingIsAnExclusion() {
    // NCT00001725, whose criteria have no headings
    String criteria = "Adults with asthma.\n\nPatients must not have moderate to severe heart disease (MI within preceding year, unstable\nangina).";
    CriteriaReading.Halves halves = CriteriaReading.of(unheaded(criteria));
    assertEquals("Adults with asthma.", halves.inclusion());
    assertEquals("Patients must not have moderate to severe heart disease (MI within preceding year, unstable angina).", halves.exclusion());
  }

  @Test
  void whatHappensToEnrolledPatientsExcludesNobody() {
    // NCT00001586's exclusion, whose last sentence is how the study treats patients who develop AIHA on it
    String first = "Patients with active autoimmune hemolytic anemia (AIHA) grade III or higher shall not be enrolled.";
    String inStudy = "Patients developing AIHA or ITP on protocol may be managed as medically indicated on protocol but will generally not undergo "
        + "fludarabine/rituximab treatment until resolution of hemolysis.";
    CriteriaReading.Halves halves = CriteriaReading.of(split("* Adults", first + " " + inStudy));
    assertEquals(String.join("\n", "* Adults", inStudy), halves.inclusion());
    assertEquals(first, halves.exclusion());
  }

  @Test
  void noCriteriaNoHalves() {
    assertNull(CriteriaReading.of(null).inclusion());
    assertNull(CriteriaReading.of(unheaded(null)).exclusion());
  }

  private static Eligibility split(String inclusion, String exclusion) {
    return new Eligibility(inclusion + "\n" + exclusion, inclusion, exclusion, null, null, null, null, List.of(), null);
  }

  /** Criteria as older records give them: one text, no inclusion and exclusion headings. */
  private static Eligibility unheaded(String criteria) {
    return new Eligibility(criteria, null, null, null, null, null, null, List.of(), null);
  }
}
