package org.sprintchain.chain.state;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Chain metadata: the chain id from genesis, the first block height, and the last block height
 * whose effects are in the state. Store version {@code v} holds block {@code initialHeight + v -
 * 1}.
 */
public record ChainMeta(String chainId, long initialHeight, long lastHeight) {
  public ChainMeta {
    if (chainId.isEmpty()) {
      throw new IllegalArgumentException("chain id must not be empty");
    }
    if (initialHeight < 1) {
      throw new IllegalArgumentException("initial height must be >= 1: " + initialHeight);
    }
    if (lastHeight != 0 && lastHeight < initialHeight - 1) {
      throw new IllegalArgumentException("last height " + lastHeight + " precedes initial height");
    }
  }

  /** The height the next FinalizeBlock must carry. */
  public long nextHeight() {
    return lastHeight == 0 ? initialHeight : lastHeight + 1;
  }

  public ChainMeta withLastHeight(long height) {
    return new ChainMeta(chainId, initialHeight, height);
  }

  /** The store version that holds the state after block {@code height}. */
  public long versionOf(long height) {
    return height - initialHeight + 1;
  }

  /** initial_height (u64 BE), last_height (u64 BE), then the chain id in UTF-8. */
  public byte[] encode() {
    byte[] id = chainId.getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(16 + id.length)
        .putLong(initialHeight)
        .putLong(lastHeight)
        .put(id)
        .array();
  }

  static ChainMeta decode(byte[] bytes) {
    if (bytes.length < 17) {
      throw new IllegalStateException("chain record too short: " + bytes.length + " bytes");
    }
    ByteBuffer buf = ByteBuffer.wrap(bytes);
    long initial = buf.getLong();
    long last = buf.getLong();
    return new ChainMeta(
        new String(bytes, 16, bytes.length - 16, StandardCharsets.UTF_8), initial, last);
  }
}
