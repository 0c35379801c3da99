package org.sprintchain.client;

import java.util.List;

/**
 * What happened to a submitted transaction.
 *
 * @param hash upper-case hex
 * @param height the including block, or 0 when the mempool refused the tx
 * @param code 0 on success; else CheckTx's or the block's {@code RejectReason} code
 * @param included whether the tx is in a block (a tx in a block may still have failed: see code)
 */
public record TxOutcome(
    String hash,
    long height,
    int code,
    String codespace,
    String log,
    boolean included,
    List<TxEvent> events) {
  public TxOutcome {
    events = List.copyOf(events);
  }

  static TxOutcome refused(BroadcastResult check) {
    return new TxOutcome(
        check.hash(), 0, check.code(), check.codespace(), check.log(), false, List.of());
  }

  static TxOutcome included(TxResult result) {
    return new TxOutcome(
        result.hash(),
        result.height(),
        result.code(),
        result.codespace(),
        result.log(),
        true,
        result.events());
  }

  /** Included with code 0. */
  public boolean ok() {
    return included && code == 0;
  }
}
