package org.trialsearch.model;

/** A person to contact about the trial; the phone's extension apart, as the registry gives it. */
public record Contact(String name, String role, String phone, String phoneExt, String email) {

  public Contact(String name, String role, String phone, String email) {
    this(name, role, phone, null, email);
  }
}
