package org.sprintchain.pocw;

/**
 * A parameter outside its allowed range; {@link #field()} names it in snake_case, as in genesis.
 */
public final class InvalidParamsException extends IllegalArgumentException {
  private final String field;

  /** A failure of {@code field} with a message saying why. */
  public InvalidParamsException(String field, String why) {
    super(field + ": " + why);
    this.field = field;
  }

  /**
   * The offending field, e.g. {@code sprint.epoch_length} or {@code
   * sprint.emission.halving_epochs}.
   */
  public String field() {
    return field;
  }

  static long requireRange(String field, long value, long min, long max) {
    if (value < min || value > max) {
      throw new InvalidParamsException(field, value + " outside [" + min + ", " + max + "]");
    }
    return value;
  }
}
