package org.trialsearch.config;

/** A configuration file is missing or has an entry that cannot be used; the message names file and line. */
public class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
