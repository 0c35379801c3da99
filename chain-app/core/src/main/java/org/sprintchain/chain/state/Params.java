package org.sprintchain.chain.state;

import java.nio.ByteBuffer;

/**
 * Chain parameters, set at genesis.
 *
 * @param minFee the smallest fee a tx may carry
 * @param maxTxBytes the largest encoded tx accepted
 */
public record Params(long minFee, int maxTxBytes) {
  /** The upper bound on {@code max_tx_bytes}: CometBFT's own ceiling on a block (100 MiB). */
  public static final int MAX_TX_BYTES_LIMIT = 104_857_600;

  static final int ENCODED_LENGTH = 12;

  public Params {
    if (minFee < 0) {
      throw new IllegalArgumentException("min_fee must be non-negative: " + minFee);
    }
    if (maxTxBytes < 1 || maxTxBytes > MAX_TX_BYTES_LIMIT) {
      throw new IllegalArgumentException(
          "max_tx_bytes must be in [1, " + MAX_TX_BYTES_LIMIT + "]: " + maxTxBytes);
    }
  }

  /** Fixed 12 bytes: min_fee (u64) then max_tx_bytes (u32), big-endian. */
  public byte[] encode() {
    return ByteBuffer.allocate(ENCODED_LENGTH).putLong(minFee).putInt(maxTxBytes).array();
  }

  static Params decode(byte[] bytes) {
    if (bytes.length != ENCODED_LENGTH) {
      throw new IllegalStateException("params record must be 12 bytes, got " + bytes.length);
    }
    ByteBuffer buf = ByteBuffer.wrap(bytes);
    return new Params(buf.getLong(), buf.getInt());
  }
}
