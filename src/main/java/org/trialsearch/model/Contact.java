package org.trialsearch.model;

/** A person to contact about the trial. */
public record Contact(String name, String role, String phone, String email) {}
