package org.sprintchain.chain.genesis;

/**
 * The genesis {@code app_state} is invalid. The message starts with the JSON path of the offending
 * field, for example {@code app_state.accounts[2].address: bad bech32 checksum}.
 */
public final class GenesisException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String field;

  public GenesisException(String field, String problem) {
    super(field + ": " + problem);
    this.field = field;
  }

  /** The JSON path of the offending field. */
  public String field() {
    return field;
  }
}
