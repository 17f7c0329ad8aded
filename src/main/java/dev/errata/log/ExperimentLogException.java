package dev.errata.log;

/**
 * Reports that the experiment log could not be opened, read or written. The message names the log
 * (with any password removed) and what was being done.
 */
public final class ExperimentLogException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  ExperimentLogException(String message) {
    super(message);
  }

  ExperimentLogException(String message, Throwable cause) {
    super(message, cause);
  }
}
