package org.trialsearch.source.page;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The fields a labelled value on a page can fill, and how many lines such a value takes. */
enum PageField {
  NCT_ID("nctId", Shape.LIST),
  BRIEF_TITLE("briefTitle", Shape.SHORT),
  OFFICIAL_TITLE("officialTitle", Shape.SHORT),
  ACRONYM("acronym", Shape.SHORT),
  STATUS("status", Shape.SHORT),
  STATUS_AND_PHASE("statusAndPhase", Shape.LIST),
  PHASES("phases", Shape.LIST),
  STUDY_TYPE("studyType", Shape.SHORT),
  CONDITIONS("conditions", Shape.LIST),
  INTERVENTIONS("interventions", Shape.LIST),
  ENROLLMENT("enrollment", Shape.SHORT),
  AGES("ages", Shape.SHORT),
  MINIMUM_AGE("minimumAge", Shape.SHORT),
  MAXIMUM_AGE("maximumAge", Shape.SHORT),
  SEX("sex", Shape.SHORT),
  HEALTHY_VOLUNTEERS("healthyVolunteers", Shape.SHORT),
  START_DATE("startDate", Shape.DATE),
  LAST_UPDATE("lastUpdate", Shape.DATE),
  STATUS_VERIFIED("statusVerified", Shape.DATE),
  BRIEF_SUMMARY("briefSummary", Shape.TEXT),
  DETAILED_DESCRIPTION("detailedDescription", Shape.TEXT),
  SPONSOR("sponsor", Shape.SHORT),
  COUNTRIES("countries", Shape.LIST);

  /** SHORT: one line. LIST: lines up to a blank line. DATE: one line, or two when the date is split ("Dec 01" / "2015"). TEXT: paragraphs up to the next label. */
  enum Shape { SHORT, LIST, DATE, TEXT }

  final String name;
  final Shape shape;

  PageField(String name, Shape shape) {
    this.name = name;
    this.shape = shape;
  }

  static PageField named(String name) {
    return Arrays.stream(values()).filter(f -> f.name.equals(name)).findFirst().orElse(null);
  }

  static String names() {
    return Arrays.stream(values()).map(f -> f.name).collect(Collectors.joining(", "));
  }
}
