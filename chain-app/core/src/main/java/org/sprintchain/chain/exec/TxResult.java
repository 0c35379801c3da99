package org.sprintchain.chain.exec;

import java.util.List;
import org.sprintchain.chain.tx.RejectReason;
import org.sprintchain.chain.tx.TxRejectedException;

/**
 * The outcome of one tx in CheckTx or FinalizeBlock. Code 0 is success; any other code is a {@link
 * RejectReason} code in the {@value RejectReason#CODESPACE} codespace.
 */
public record TxResult(int code, String log, List<Event> events) {
  public TxResult {
    events = List.copyOf(events);
  }

  public static TxResult ok(List<Event> events) {
    return new TxResult(0, "", events);
  }

  /** A refused tx: no effects, no events. */
  public static TxResult rejected(TxRejectedException e) {
    return new TxResult(e.reason().code(), e.getMessage(), List.of());
  }

  /** A tx whose messages failed after its fee and sequence were consumed. */
  public static TxResult failed(TxRejectedException e, List<Event> events) {
    return new TxResult(e.reason().code(), e.getMessage(), events);
  }

  public boolean isOk() {
    return code == 0;
  }

  /** The ABCI codespace: empty on success. */
  public String codespace() {
    return code == 0 ? "" : RejectReason.CODESPACE;
  }
}
