package dev.errata.present;

import java.util.ArrayList;
import java.util.List;

/**
 * What a result shows, in order: tables ({@link Section}), lines of notes or warnings, and blocks
 * of preformatted text (a diff).
 *
 * @param parts the parts, in order
 */
public record Presentation(List<Presentation.Part> parts) implements Presentable {

  /** One part of a presentation. */
  public sealed interface Part permits Section, Line, Block {}

  /** How a line reads: plain text, a note in the margin's grey, or a warning to act on. */
  public enum Tone {
    PLAIN,
    NOTE,
    WARNING
  }

  /**
   * One line of text under a table.
   *
   * @param tone note or warning
   * @param text the line, as written (never empty)
   */
  public record Line(Tone tone, String text) implements Part {
    public Line {
      if (text == null || text.isBlank()) {
        throw new IllegalArgumentException("A presentation line needs text");
      }
    }
  }

  /**
   * Preformatted text with a heading, such as a unified diff.
   *
   * @param heading one line above the block
   * @param text the block, lines kept as they are
   */
  public record Block(String heading, String text) implements Part {}

  public Presentation {
    parts = List.copyOf(parts);
  }

  /** Returns a presentation of these parts, in order. */
  public static Presentation of(Part... parts) {
    return new Presentation(List.of(parts));
  }

  /** Returns a presentation of these parts, in order. */
  public static Presentation of(List<? extends Part> parts) {
    return new Presentation(new ArrayList<>(parts));
  }

  /** Returns this presentation followed by {@code more}. */
  public Presentation then(Part... more) {
    List<Part> all = new ArrayList<>(parts);
    all.addAll(List.of(more));
    return new Presentation(all);
  }

  /** Returns this presentation followed by one note line per item. */
  public Presentation notes(List<String> notes) {
    return lines(Tone.NOTE, notes);
  }

  /** Returns this presentation followed by one warning line per item. */
  public Presentation warnings(List<String> warnings) {
    return lines(Tone.WARNING, warnings);
  }

  private Presentation lines(Tone tone, List<String> texts) {
    List<Part> all = new ArrayList<>(parts);
    texts.forEach(t -> all.add(new Line(tone, t)));
    return new Presentation(all);
  }

  /** Returns the tables of this presentation, in order. */
  public List<Section> sections() {
    return parts.stream().filter(p -> p instanceof Section).map(p -> (Section) p).toList();
  }

  @Override
  public Presentation present() {
    return this;
  }
}
