package org.sprintchain.model;

import java.util.Arrays;

/**
 * A nonce wins when its digest, read as a 256-bit unsigned big-endian integer, is below the target:
 * byte-wise unsigned comparison, first byte most significant. With a target of t the win
 * probability is t / 2^256, so the winners of a worker estimate the nonces it evaluated.
 */
public final class WinCondition {
  private WinCondition() {}

  /** True when {@code digest < target}; both are 32 bytes. */
  public static boolean wins(byte[] digest, byte[] target) {
    if (digest.length != 32 || target.length != 32) {
      throw new IllegalArgumentException("digest and target must be 32 bytes");
    }
    return Arrays.compareUnsigned(digest, target) < 0;
  }
}
