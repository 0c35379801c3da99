package org.sprintchain.client;

/** A tx in a block: its execution result and its bytes (whose SHA-256 is the hash). */
public record IncludedTx(TxResult result, byte[] tx) {
  public IncludedTx {
    tx = tx.clone();
  }

  @Override
  public byte[] tx() {
    return tx.clone();
  }
}
