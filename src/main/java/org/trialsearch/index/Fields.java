package org.trialsearch.index;

import java.util.List;

/** Every Lucene field name of the trial index, in one place. Text fields are named as the query language names them. */
public final class Fields {
  private Fields() {}

  /** The NCT id, exactly as written: the document's key. */
  public static final String NCT_ID = "nct_id";

  // Text fields, searchable by name: title:, condition:, ...
  public static final String TITLE = "title";
  public static final String CONDITION = "condition";
  public static final String INTERVENTION = "intervention";
  public static final String KEYWORD = "keyword";
  public static final String SUMMARY = "summary";
  public static final String INCLUSION = "inclusion";
  public static final String EXCLUSION = "exclusion";
  /** Both halves of the criteria, and the whole text where a record has no headings. */
  public static final String CRITERIA = "criteria";
  public static final String SPONSOR = "sponsor";
  /** {@link #CRITERIA_INFERRED} where the record has no inclusion and exclusion headings and the halves are read from the wording. */
  public static final String CRITERIA_READ = "criteria_read";
  public static final String CRITERIA_INFERRED = "inferred";
  /**
   * The abbreviations a record defines, as written ("CP"), and each with its long form ("CP Chuvash
   * polycythemia"): a record whose letters mean something else than the vocabulary's does not
   * answer a query for them.
   */
  public static final String ABBREVIATION = "abbreviation";
  public static final String ABBREVIATION_SENSE = "abbreviation_sense";
  /** NCT id, org study id, EudraCT, CTIS and other ids, each whole and lower-cased. */
  public static final String ID = "id";

  public static final List<String> TEXT_FIELDS =
      List.of(TITLE, CONDITION, INTERVENTION, KEYWORD, SUMMARY, INCLUSION, EXCLUSION, CRITERIA, SPONSOR, ID);

  /** The text fields whose words are also indexed in pairs: all but the ids, which are searched whole. */
  public static final List<String> PAIRED_FIELDS = TEXT_FIELDS.stream().filter(field -> !field.equals(ID)).toList();

  private static final String PAIRS_SUFFIX = ".pairs";

  /**
   * The field holding each two neighbouring words of a text field as one term ("cell transplant"),
   * so that a phrase is found by looking its pairs up rather than by reading the positions of its
   * words in every trial that has them all (most of a phrase search's time on large indexes).
   */
  public static String pairsOf(String field) {
    return field + PAIRS_SUFFIX;
  }

  /** The text field a pairs field pairs the words of; null for any other field. */
  public static String pairedBy(String field) {
    return field.endsWith(PAIRS_SUFFIX) ? field.substring(0, field.length() - PAIRS_SUFFIX.length()) : null;
  }

  // Facet dimensions people filter on, counted together in one doc-values field (FACETS).
  public static final String PHASE = "phase";
  public static final String STATUS = "status";
  public static final String ANTIGEN = "antigen";
  public static final String COUNTRY = "country";
  public static final String AGE_GROUP = "age_group";

  public static final String MODALITY = "modality";
  public static final String SPONSOR_TYPE = "sponsor_type";
  public static final String STUDY_TYPE = "study_type";
  public static final String INTERVENTION_TYPE = "intervention_type";
  public static final String START_YEAR = "start_year";
  /** Conditions as the records name them; answers count only the most frequent. */
  public static final String CONDITION_FACET = "condition";
  public static final String SEX = "sex";
  public static final String HEALTHY_VOLUNTEERS = "healthy_volunteers";

  public static final List<String> FACET_DIMENSIONS = List.of(PHASE, STATUS, ANTIGEN, COUNTRY, AGE_GROUP, MODALITY, SPONSOR_TYPE,
      STUDY_TYPE, INTERVENTION_TYPE, START_YEAR, CONDITION_FACET, SEX, HEALTHY_VOLUNTEERS);

  /** The doc-values field every facet dimension's values are kept and counted in (Lucene's default for facets). */
  public static final String FACETS = "$facets";

  /** The label a dimension carries on trials whose sources state no value for it, so that counts include them. */
  public static final String NOT_STATED = "_not_stated";

  // Values offered by autocomplete, counted in their own doc-values field so search facets stay cheap.
  public static final String SUGGEST_FIELD = "$suggest";
  public static final String SUGGEST_INTERVENTION = "suggest_intervention";
  public static final String SUGGEST_SPONSOR = "suggest_sponsor";
  public static final String SUGGEST_TITLE = "suggest_title";

  public static final List<String> SUGGEST_DIMENSIONS = List.of(SUGGEST_INTERVENTION, SUGGEST_SPONSOR, SUGGEST_TITLE);

  // Numbers: ages in years (points), dates as epoch days (points and doc values for sorting).
  public static final String MIN_AGE = "min_age";
  public static final String MAX_AGE = "max_age";
  public static final String START_DATE = "start_date";
  public static final String LAST_UPDATE = "last_update";
  /** How open a trial is to patients now, for recruiting-first order: 0 recruiting, 1 not yet recruiting, 2 any other status (doc values). */
  public static final String RECRUITING_RANK = "recruiting_rank";

  /** What a result list shows and snippets are cut from ({@code StoredHit}), in binary doc values. */
  public static final String HIT = "hit";
  /** The whole enriched record as JSON, for display. */
  public static final String RECORD = "record";
  /** Each source's own record as JSON, kept so that the trial can be merged again when one source changes. */
  public static final String SOURCE_RECORDS = "source_records";
}
