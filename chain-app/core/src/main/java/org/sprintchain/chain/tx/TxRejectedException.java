package org.sprintchain.chain.tx;

/**
 * A transaction is invalid for a known reason. This is expected invalidity, not a bug: callers turn
 * it into an ABCI response code and log.
 */
public final class TxRejectedException extends Exception {
  private static final long serialVersionUID = 1L;

  private final RejectReason reason;

  public TxRejectedException(RejectReason reason, String detail) {
    super(reason.summary() + ": " + detail);
    this.reason = reason;
  }

  public RejectReason reason() {
    return reason;
  }
}
