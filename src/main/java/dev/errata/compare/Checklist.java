package dev.errata.compare;

/**
 * The course's checklist for an augmentation set, answered by a person (and, for the last question,
 * suggested by the data).
 *
 * @param realistic does the augmented example look or sound realistic?
 * @param mappingClear is the x → y mapping clear (could a human label it)?
 * @param modelPoor is the model currently doing poorly on it?
 * @param notes free text: how the set was made, what a listener heard
 */
public record Checklist(Answer realistic, Answer mappingClear, Answer modelPoor, String notes) {

  /** An answer to one question; UNSURE until someone has looked. */
  public enum Answer {
    YES,
    NO,
    UNSURE
  }

  public Checklist {
    notes = notes == null ? "" : notes;
  }

  /** Returns whether every answer is yes: the set is worth adding. */
  public boolean passes() {
    return realistic == Answer.YES && mappingClear == Answer.YES && modelPoor == Answer.YES;
  }
}
