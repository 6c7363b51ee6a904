package org.trialsearch.index;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.util.BytesRef;
import org.trialsearch.enrich.ConditionReading;
import org.trialsearch.enrich.CriteriaReading;
import org.trialsearch.enrich.DefinedAbbreviations;
import org.trialsearch.enrich.EnrichedTrial;
import org.trialsearch.enrich.TrialFacets;
import org.trialsearch.model.Eligibility;
import org.trialsearch.model.Intervention;
import org.trialsearch.model.Json;
import org.trialsearch.model.Trial;

/** The one mapping from an enriched trial to a Lucene document, and back from its stored record. */
public final class TrialDocuments {

  /** Upper age bound indexed for "no limit", so that range queries need no special case. */
  public static final double NO_AGE_LIMIT = 1000;

  private TrialDocuments() {}

  public static Document toDocument(EnrichedTrial enriched, List<Trial> sourceRecords) throws IOException {
    Trial trial = enriched.trial();
    TrialFacets facets = enriched.facets();
    Document doc = new Document();
    doc.add(new StringField(Fields.NCT_ID, trial.nctId(), Field.Store.YES));
    doc.add(new SortedDocValuesField(Fields.NCT_ID, new BytesRef(trial.nctId())));
    Reading reading = new Reading(trial);
    addText(doc, trial, facets, reading);
    for (DefinedAbbreviations.Definition defined : DefinedAbbreviations.of(trial)) {
      doc.add(new StringField(Fields.ABBREVIATION, defined.letters(), Field.Store.NO));
      doc.add(new TextField(Fields.ABBREVIATION_SENSE, defined.letters() + " " + defined.longForm(), Field.Store.NO));
    }
    Eligibility eligibility = trial.eligibility();
    if (eligibility != null && eligibility.criteria() != null && !eligibility.isSplit()) {
      doc.add(new StringField(Fields.CRITERIA_READ, Fields.CRITERIA_INFERRED, Field.Store.NO));
    }
    addFacets(doc, trial, facets);
    addNumbers(doc, trial, facets);
    doc.add(new BinaryDocValuesField(Fields.HIT, new BytesRef(StoredHit.of(enriched, reading).toBytes())));
    doc.add(new StoredField(Fields.RECORD, new BytesRef(Json.mapper().writeValueAsBytes(enriched))));
    doc.add(new StoredField(Fields.SOURCE_RECORDS, new BytesRef(Json.mapper().writeValueAsBytes(sourceRecords))));
    return FacetFields.config().build(doc);
  }

  public static EnrichedTrial fromStored(BytesRef record) {
    return Json.readStored(record.bytes, record.offset, record.length, EnrichedTrial.class);
  }

  /**
   * Text with the offsets of its words in the postings, so that snippets are cut from the postings
   * instead of analysing each hit's text again (most of a search's time before).
   */
  private static final FieldType TEXT_WITH_OFFSETS = textWithOffsets();

  private static FieldType textWithOffsets() {
    FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
    type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    type.freeze();
    return type;
  }

  private static void addText(Document doc, Trial trial, TrialFacets facets, Reading reading) {
    for (String field : Fields.TEXT_FIELDS) {
      FieldType type = field.equals(Fields.ID) ? TextField.TYPE_NOT_STORED : TEXT_WITH_OFFSETS;
      boolean paired = Fields.PAIRED_FIELDS.contains(field);
      // each value its own field instance, with a gap between values, so that phrases do not match across two
      for (String value : searchedValues(field, trial, facets, reading)) {
        doc.add(new Field(field, value, type));
        if (paired) doc.add(new Field(Fields.pairsOf(field), value, TextField.TYPE_NOT_STORED));
      }
    }
  }

  /** A modality that names an engineered cell therapy ("CAR-T", "CAR-NK", "TCR-T"), not "Other cell therapy" or "Not cell therapy". */
  private static boolean engineered(String modality) {
    return !modality.contains(" ");
  }

  /**
   * What search reads of a trial's criteria and conditions ({@link CriteriaReading},
   * {@link ConditionReading}), each read at most once for all the fields of one document.
   */
  static final class Reading {
    private final Trial trial;
    private CriteriaReading.Halves criteria;
    private ConditionReading.Read conditions;

    Reading(Trial trial) {
      this.trial = trial;
    }

    CriteriaReading.Halves criteria() {
      if (criteria == null) criteria = CriteriaReading.of(trial.eligibility(), treatmentNames(trial));
      return criteria;
    }

    private static List<String> treatmentNames(Trial trial) {
      return trial.interventions().stream().flatMap(Intervention::names).toList();
    }

    ConditionReading.Read conditions() {
      if (conditions == null) conditions = ConditionReading.of(trial.conditions());
      return conditions;
    }
  }

  /**
   * The values a field is searched by: its text, but for the exclusion criteria's asides (a point
   * in time, an exception, a reason), blanked out letter for letter, so that snippets cut from the
   * text by the indexed offsets show it whole.
   */
  public static List<String> searchedValues(String field, Trial trial, TrialFacets facets) {
    return searchedValues(field, trial, facets, new Reading(trial));
  }

  private static List<String> searchedValues(String field, Trial trial, TrialFacets facets, Reading reading) {
    List<String> values = textValues(field, trial, facets, reading);
    if (!field.equals(Fields.EXCLUSION)) return values;
    CriteriaReading.Halves halves = reading.criteria();
    return values.stream().map(v -> v.equals(halves.exclusion()) ? halves.exclusionSearched() : v).toList();
  }

  /** The values a text field holds for a trial: what snippets are cut from, and, but for exclusion asides, what is searched. */
  public static List<String> textValues(String field, Trial trial, TrialFacets facets) {
    return textValues(field, trial, facets, new Reading(trial));
  }

  static List<String> textValues(String field, Trial trial, TrialFacets facets, Reading reading) {
    Eligibility eligibility = trial.eligibility();
    Stream<String> values = switch (field) {
      case Fields.TITLE -> Stream.of(trial.briefTitle(), trial.officialTitle(), trial.acronym());
      // without what a condition says the trial does not take ("... (Excluding Richter Transformation)"): that is an exclusion
      case Fields.CONDITION -> reading.conditions().conditions().stream();
      // with the trial's antigens and engineered cell therapy: "CAR-T myeloma" finds a trial that names only cilta-cel
      case Fields.INTERVENTION -> Stream.of(
          trial.interventions().stream().flatMap(Intervention::names),
          facets.antigens().stream(), facets.modalities().stream().filter(TrialDocuments::engineered)).flatMap(s -> s);
      case Fields.KEYWORD -> trial.keywords().stream();
      case Fields.SUMMARY -> Stream.of(trial.briefSummary(), trial.detailedDescription());
      // as search reads them: sentences that allow are inclusions, criteria without headings read one by one
      case Fields.INCLUSION -> Stream.of(reading.criteria().inclusion());
      case Fields.EXCLUSION -> Stream.concat(Stream.of(reading.criteria().exclusion()), reading.conditions().exceptions().stream());
      case Fields.CRITERIA -> eligibility == null ? Stream.empty() : Stream.of(eligibility.criteria());
      case Fields.SPONSOR -> trial.sponsor() == null ? Stream.empty()
          : Stream.concat(Stream.of(trial.sponsor().lead()), trial.sponsor().collaborators().stream());
      case Fields.ID -> Stream.concat(Stream.of(trial.nctId(), trial.ids().orgStudyId(), trial.ids().eudractNumber(), trial.ids().ctisNumber()),
          trial.ids().otherIds().stream()).distinct();
      default -> throw new IllegalArgumentException("not a text field: " + field);
    };
    return values.filter(Objects::nonNull).filter(v -> !v.isBlank()).toList();
  }

  private static void addFacets(Document doc, Trial trial, TrialFacets facets) {
    for (String dim : Fields.FACET_DIMENSIONS) facet(doc, dim, facetValues(dim, trial, facets));
    for (String dim : Fields.SUGGEST_DIMENSIONS) {
      suggestValues(dim, trial).forEach(v -> doc.add(new SortedSetDocValuesFacetField(dim, v)));
    }
  }

  /** The values a trial has in a facet dimension; empty when its sources state none (indexed as {@link Fields#NOT_STATED}). */
  public static List<String> facetValues(String dim, Trial trial, TrialFacets facets) {
    List<String> values = switch (dim) {
      case Fields.PHASE -> facets.phases();
      case Fields.STATUS -> optional(facets.status());
      case Fields.ANTIGEN -> facets.antigens();
      case Fields.COUNTRY -> facets.countries();
      case Fields.AGE_GROUP -> facets.ageGroups();
      case Fields.MODALITY -> facets.modalities();
      case Fields.SPONSOR_TYPE -> optional(facets.sponsorType());
      case Fields.STUDY_TYPE -> optional(facets.studyType());
      case Fields.INTERVENTION_TYPE -> facets.interventionTypes();
      case Fields.START_YEAR -> facets.startYear() == null ? List.of() : List.of(String.valueOf(facets.startYear()));
      case Fields.CONDITION_FACET -> trial.conditions().stream().map(String::strip).filter(c -> !c.isEmpty()).toList();
      case Fields.SEX -> optional(facets.sex());
      case Fields.HEALTHY_VOLUNTEERS -> facets.healthyVolunteers() == null ? List.of() : List.of(facets.healthyVolunteers() ? "yes" : "no");
      default -> throw new IllegalArgumentException("not a facet dimension: " + dim);
    };
    return values.stream().distinct().toList();
  }

  /** The values autocomplete offers from a trial beyond its facets: intervention names, lead sponsor, brief title. */
  public static List<String> suggestValues(String dim, Trial trial) {
    Stream<String> values = switch (dim) {
      case Fields.SUGGEST_INTERVENTION -> trial.interventions().stream().flatMap(Intervention::names);
      case Fields.SUGGEST_SPONSOR -> trial.sponsor() == null ? Stream.empty() : Stream.of(trial.sponsor().lead());
      case Fields.SUGGEST_TITLE -> Stream.of(trial.briefTitle());
      default -> throw new IllegalArgumentException("not a suggestion dimension: " + dim);
    };
    return values.filter(Objects::nonNull).map(String::strip).filter(v -> !v.isEmpty()).distinct().toList();
  }

  private static List<String> optional(String value) {
    return value == null ? List.of() : List.of(value);
  }

  private static void facet(Document doc, String dim, Collection<String> values) {
    for (String value : values.isEmpty() ? List.of(Fields.NOT_STATED) : values) doc.add(new SortedSetDocValuesFacetField(dim, value));
  }

  private static void addNumbers(Document doc, Trial trial, TrialFacets facets) {
    if (facets.agesStated()) {
      doc.add(new DoublePoint(Fields.MIN_AGE, facets.minAgeYears() == null ? 0 : facets.minAgeYears()));
      doc.add(new DoublePoint(Fields.MAX_AGE, facets.maxAgeYears() == null ? NO_AGE_LIMIT : facets.maxAgeYears()));
    }
    date(doc, Fields.START_DATE, trial.startDate());
    date(doc, Fields.LAST_UPDATE, trial.lastUpdate());
    doc.add(new NumericDocValuesField(Fields.RECRUITING_RANK, recruitingRank(facets.status())));
  }

  /** Recruiting first, then not yet recruiting: the trials a patient can join now or soon (by the current status). */
  private static long recruitingRank(String status) {
    if ("RECRUITING".equals(status)) return 0;
    if ("NOT_YET_RECRUITING".equals(status)) return 1;
    return 2;
  }

  private static void date(Document doc, String field, LocalDate date) {
    if (date == null) return;
    doc.add(new LongPoint(field, date.toEpochDay()));
    doc.add(new NumericDocValuesField(field, date.toEpochDay()));
  }
}
