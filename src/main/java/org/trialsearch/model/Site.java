package org.trialsearch.model;

import java.util.List;

/**
 * A place where the trial runs: where it is, its own recruitment status and the people to contact
 * there. Coordinates are null when the source gives none.
 */
public record Site(String facility, String city, String state, String zip, String country, String status, Double latitude,
    Double longitude, List<Contact> contacts) {

  public Site {
    contacts = contacts == null ? List.of() : List.copyOf(contacts);
  }

  /** A site whose source states no postal code and no contacts. */
  public Site(String facility, String city, String state, String country, String status, Double latitude, Double longitude) {
    this(facility, city, state, null, country, status, latitude, longitude, List.of());
  }
}
