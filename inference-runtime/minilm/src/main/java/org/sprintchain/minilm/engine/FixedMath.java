package org.sprintchain.minilm.engine;

/**
 * Every rounding rule of the encoder (docs/minilm.md §2). All of them round half up (toward +∞) so
 * that a second implementation needs only integer multiply, floor division and arithmetic shift.
 */
public final class FixedMath {
  private FixedMath() {}

  /** Binary point of every activation: a real value v is held as the long round(v · 2^32). */
  public static final int FRAC = 32;

  /** {@code round(v / 2^s)}, half up; {@code s} in 0..62 (0 returns v). */
  public static long roundShift(long v, int s) {
    return s == 0 ? v : (v + (1L << (s - 1))) >> s;
  }

  /**
   * {@code round(n / d)}, half up, for {@code d > 0} and any sign of {@code n}: {@code floor((n +
   * floor(d/2)) / d)}. For odd d there is no exact half, so the rule is exact round-to-nearest.
   */
  public static long roundDiv(long n, long d) {
    return Math.floorDiv(n + (d >> 1), d);
  }

  /**
   * {@code round(a·b / 2^s)}, half up, with the product held exactly in 128 bits; {@code s} in
   * 1..63. The caller guarantees the result fits in a long. Used where a per-tensor multiplier
   * times an accumulator can pass 2^63 even though the rounded result is small.
   */
  public static long mulShiftRound(long a, long b, int s) {
    long lo = a * b;
    long hi = Math.multiplyHigh(a, b);
    long half = 1L << (s - 1);
    long sumLo = lo + half;
    if (Long.compareUnsigned(sumLo, lo) < 0) {
      hi++;
    }
    return (hi << (64 - s)) | (sumLo >>> s);
  }

  /** Largest r with r·r ≤ n, for n ≥ 0 (digit-by-digit, exact). */
  public static long isqrt(long n) {
    if (n < 0) {
      throw new IllegalArgumentException("isqrt of a negative number: " + n);
    }
    long rem = n;
    long root = 0;
    long bit = 1L << 62;
    while (bit > n) {
      bit >>= 2;
    }
    while (bit != 0) {
      if (rem >= root + bit) {
        rem -= root + bit;
        root = (root >> 1) + bit;
      } else {
        root >>= 1;
      }
      bit >>= 2;
    }
    return root;
  }

  /** {@code floor(sqrt(hi·2^64 + lo))} for the unsigned 128-bit value (hi, lo); exact. */
  public static long isqrt128(long hi, long lo) {
    return toBig(hi, lo).sqrt().longValueExact();
  }

  /** The unsigned 128-bit value (hi, lo) as a BigInteger. */
  public static java.math.BigInteger toBig(long hi, long lo) {
    java.math.BigInteger low =
        java.math.BigInteger.valueOf(lo >>> 1)
            .shiftLeft(1)
            .or(java.math.BigInteger.valueOf(lo & 1));
    return java.math.BigInteger.valueOf(hi).shiftLeft(64).or(low);
  }

  /** Clamps to {@code [lo, hi]}. */
  public static int clamp(long v, int lo, int hi) {
    return (int) Math.max(lo, Math.min(hi, v));
  }
}
