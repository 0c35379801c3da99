package org.sprintchain.genesis;

/** A genesis input is invalid; {@link #field()} names the offending JSON field. */
public final class GenesisException extends IllegalArgumentException {
  private final String field;

  public GenesisException(String field, String problem) {
    super(field + ": " + problem);
    this.field = field;
  }

  public GenesisException(String field, String problem, Throwable cause) {
    super(field + ": " + problem, cause);
    this.field = field;
  }

  /** The JSON path of the bad field, e.g. {@code app_state.accounts[2].balance}. */
  public String field() {
    return field;
  }
}
