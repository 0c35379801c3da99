package org.sprintchain.pocw;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The 32-byte win threshold. A digest wins iff {@code digest < target}, both read as 256-bit
 * unsigned big-endian integers (byte-wise unsigned comparison, first byte most significant), the
 * same rule as the model's {@code WinCondition}. A nonce therefore wins with probability {@code p =
 * target / 2^256}. The target must be non-zero, or nothing could ever win.
 */
public final class DifficultyTarget {
  /** Bytes in a target and in a digest. */
  public static final int LENGTH = 32;

  private final byte[] bytes;

  private DifficultyTarget(byte[] bytes) {
    this.bytes = bytes;
  }

  /** The target of 32 big-endian bytes; refuses other lengths and the all-zero target. */
  public static DifficultyTarget of(byte[] bytes) {
    if (bytes.length != LENGTH) {
      throw new IllegalArgumentException("difficulty_target: " + bytes.length + " bytes, not 32");
    }
    if (new BigInteger(1, bytes).signum() == 0) {
      throw new IllegalArgumentException("difficulty_target: zero (no digest could win)");
    }
    return new DifficultyTarget(bytes.clone());
  }

  /** The target from 64 hex digits. */
  public static DifficultyTarget ofHex(String hex) {
    return of(HexFormat.of().parseHex(hex));
  }

  /**
   * The target that makes a nonce win with probability {@code 1 / oneIn}: {@code floor(2^256 /
   * oneIn)}, {@code oneIn >= 2}.
   */
  public static DifficultyTarget oneIn(long oneIn) {
    if (oneIn < 2) {
      throw new IllegalArgumentException("oneIn " + oneIn + " < 2");
    }
    BigInteger t = BigInteger.ONE.shiftLeft(256).divide(BigInteger.valueOf(oneIn));
    return of(toBytes(t));
  }

  /** True when {@code digest} (32 bytes) is strictly below this target. */
  public boolean wins(byte[] digest) {
    if (digest.length != LENGTH) {
      throw new IllegalArgumentException("digest: " + digest.length + " bytes, not 32");
    }
    return Arrays.compareUnsigned(digest, bytes) < 0;
  }

  /** The target as a non-negative integer in {@code [1, 2^256)}. */
  public BigInteger value() {
    return new BigInteger(1, bytes);
  }

  /** A copy of the 32 bytes. */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** Lower-case hex. */
  public String hex() {
    return HexFormat.of().formatHex(bytes);
  }

  static byte[] toBytes(BigInteger v) {
    byte[] raw = v.toByteArray();
    byte[] out = new byte[LENGTH];
    int n = Math.min(raw.length, LENGTH);
    System.arraycopy(raw, raw.length - n, out, LENGTH - n, n);
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DifficultyTarget other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "DifficultyTarget[" + hex() + "]";
  }
}
