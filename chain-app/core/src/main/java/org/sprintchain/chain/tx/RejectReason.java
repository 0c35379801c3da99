package org.sprintchain.chain.tx;

/**
 * Why a transaction is refused. Each reason has its own ABCI code (stable: never renumber or reuse
 * a code) in the {@value #CODESPACE} codespace; 0 is success.
 */
public enum RejectReason {
  UNDECODABLE(1, "tx bytes are not a canonical SignedTx"),
  OVERSIZED(2, "tx is larger than the max_tx_bytes param"),
  BAD_SIGNATURE(3, "signature does not verify for the signer public key"),
  WRONG_CHAIN_ID(4, "tx is for another chain"),
  STALE_SEQUENCE(5, "sequence already used (replay)"),
  FUTURE_SEQUENCE(6, "sequence is ahead of the account's next sequence"),
  INSUFFICIENT_FUNDS(7, "balance does not cover the fee and amounts"),
  INVALID_MESSAGE(8, "a message is malformed"),
  FEE_TOO_LOW(9, "fee is below the min_fee param"),
  ARITHMETIC_OVERFLOW(10, "a balance or sequence would overflow");

  public static final String CODESPACE = "sprint";

  private final int code;
  private final String summary;

  RejectReason(int code, String summary) {
    this.code = code;
    this.summary = summary;
  }

  /** The ABCI response code. */
  public int code() {
    return code;
  }

  public String summary() {
    return summary;
  }
}
