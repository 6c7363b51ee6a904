package org.trialsearch.model;

/** A person responsible for the trial (its principal investigator, chair or director), and where they work. */
public record Official(String name, String role, String affiliation) {}
