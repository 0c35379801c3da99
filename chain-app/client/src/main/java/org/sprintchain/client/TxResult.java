package org.sprintchain.client;

import java.util.List;

/**
 * The execution result of a transaction included in a block, as CometBFT's {@code /tx} reports it.
 *
 * @param hash the tx hash, upper-case hex (SHA-256 of the tx bytes)
 * @param height the block that includes it
 * @param code 0 on success, else a {@code RejectReason} code
 */
public record TxResult(
    String hash, long height, int code, String codespace, String log, List<TxEvent> events) {
  public TxResult {
    events = List.copyOf(events);
  }

  public boolean ok() {
    return code == 0;
  }
}
