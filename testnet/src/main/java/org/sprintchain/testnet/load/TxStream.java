package org.sprintchain.testnet.load;

/**
 * The transactions of one client thread, used by that thread only. The generator calls {@link
 * #next()}, broadcasts the bytes, and reports the outcome; until {@link #accepted()} is called the
 * stream may hand out the same transaction again (a retry after a full mempool or a dead node).
 */
public interface TxStream {
  /** The transaction to send now. */
  byte[] next();

  /** The mempool admitted the last transaction from {@link #next()}; move on. */
  void accepted();

  /**
   * CheckTx refused the last transaction with a non-zero {@code code}. A stateful stream resyncs
   * here (for example re-reads its account's sequence) so that the next call makes progress.
   */
  void refused(int code, String log);
}
