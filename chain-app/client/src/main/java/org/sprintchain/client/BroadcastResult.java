package org.sprintchain.client;

/**
 * The mempool's answer to {@code broadcast_tx_sync}: the CheckTx result.
 *
 * @param hash the tx hash, upper-case hex
 */
public record BroadcastResult(String hash, int code, String codespace, String log) {
  public boolean accepted() {
    return code == 0;
  }
}
