package dev.errata.audit;

/**
 * One example that counts against a rule.
 *
 * @param id the example's id, or "row N" (1-based) when the predictions have no id column
 * @param actual the true label
 * @param predicted the predicted label
 */
public record Example(String id, String actual, String predicted) {}
