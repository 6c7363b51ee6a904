package org.trialsearch.vocabulary;

import org.trialsearch.config.ConfigSource;

/** The domain vocabulary of {@code index-config/}, loaded and validated once at start-up. */
public record Vocabulary(
    AntigenDictionary antigens,
    CellTherapyMarkers cellTherapy,
    CanonicalNames statuses,
    CanonicalNames phases,
    CanonicalNames countries,
    AgeGroups ageGroups,
    SynonymGroups synonyms,
    CanonicalNames sponsorTypes,
    CanonicalNames studyTypes,
    CanonicalNames sexes) {

  public static Vocabulary load(ConfigSource source) {
    AntigenDictionary antigens = new AntigenDictionary(source.entries("antigens.txt"), source.entries("products.txt"));
    return new Vocabulary(
        antigens,
        new CellTherapyMarkers(source.entries("cell-therapy.txt")),
        new CanonicalNames(source.entries("statuses.txt")),
        new CanonicalNames(source.entries("phases.txt")),
        new CanonicalNames(source.entries("countries.txt")),
        new AgeGroups(source.entries("age-groups.txt")),
        new SynonymGroups(source.entries("synonyms.txt"), source.entries("abbreviations.txt"), source.entries("classes.txt"), antigens),
        new CanonicalNames(source.entries("sponsor-types.txt")),
        new CanonicalNames(source.entries("study-types.txt")),
        new CanonicalNames(source.entries("sexes.txt")));
  }
}
