package dev.errata.audit;

/**
 * A column or class name written in a rule, with its 0-based column in the line so an unknown name
 * can be pointed at.
 */
public record Name(String text, int column) {}
