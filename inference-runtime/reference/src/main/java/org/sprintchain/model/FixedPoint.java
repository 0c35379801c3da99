package org.sprintchain.model;

import java.math.BigInteger;

/**
 * The integer arithmetic of the model: rounding shifts, clamping, integer square root, and the
 * base-2 exponential table of the softmax. Every rounding is stated here once; the CUDA kernels and
 * the spec (docs/sprint-model.md) repeat these formulas literally.
 */
public final class FixedPoint {
  /** Largest int8 magnitude; -128 is never produced, so negation is always safe. */
  public static final int INT8_MAX = 127;

  /** Shift of the requantisation after a linear layer and of the norm. */
  public static final int RQ_SHIFT = 24;

  /** Norm output scale: the root mean square of a normalised row is about 32. */
  public static final int NORM_SCALE = 32;

  /** Divisor constant of the linear requantisation multiplier; see {@link #linearMultiplier}. */
  public static final int LINEAR_DIVISOR = 70;

  /** Attention output: PV sums carry the probability scale 127, undone by 516 / 2^16. */
  public static final int PV_MULTIPLIER = 516;

  /** Shift that goes with {@link #PV_MULTIPLIER}. */
  public static final int PV_SHIFT = 16;

  /** Softmax: one step of the exponent index u is 1/16 of a power of two. */
  public static final int EXP2_STEPS = 16;

  /** Divisor constant of the softmax exponent index; see {@link #softmaxDivisor}. */
  public static final int SOFTMAX_DIVISOR = 44;

  private static final int[] EXP2_Q30 = buildExp2Table();

  private FixedPoint() {}

  /** {@code floor(v / 2^shift + 1/2)}: round half up (towards +infinity), shift >= 1. */
  public static long roundShift(long v, int shift) {
    return (v + (1L << (shift - 1))) >> shift;
  }

  /** {@code v} limited to [-127, 127]. */
  public static int clampInt8(long v) {
    return (int) Math.max(-INT8_MAX, Math.min(INT8_MAX, v));
  }

  /** Requantise: clamp(roundShift(acc * multiplier, shift)) in 64-bit arithmetic. */
  public static int requantize(int acc, long multiplier, int shift) {
    return clampInt8(roundShift(acc * multiplier, shift));
  }

  /** Largest r with r * r <= n, for n >= 0 (the digit-by-digit method; exact on all longs). */
  public static long isqrt(long n) {
    if (n < 0) {
      throw new IllegalArgumentException("isqrt of negative " + n);
    }
    long rem = n;
    long root = 0;
    long bit = 1L << 62;
    while (bit > rem) {
      bit >>>= 2;
    }
    while (bit != 0) {
      if (rem >= root + bit) {
        rem -= root + bit;
        root = (root >>> 1) + bit;
      } else {
        root >>>= 1;
      }
      bit >>>= 2;
    }
    return root;
  }

  /**
   * Requantisation multiplier of a linear layer with inner dimension k: floor(2^24 / (70 *
   * isqrt(k))). Inputs have RMS about 32 and weights RMS about 73.6, so outputs keep RMS about 33.
   */
  public static long linearMultiplier(int k) {
    return (1L << RQ_SHIFT) / (LINEAR_DIVISOR * isqrt(k));
  }

  /** Softmax index divisor for head width dh: 44 * isqrt(dh). */
  public static int softmaxDivisor(int headDim) {
    return (int) (SOFTMAX_DIVISOR * isqrt(headDim));
  }

  /**
   * floor(2^15 * 2^(-u/16)) for u >= 0: the unnormalised softmax weight of a score u/16 octaves
   * below the row maximum. Zero from u = 256 on.
   */
  public static int exp2Q15(int u) {
    int octave = u >>> 4;
    if (octave >= 16) {
      return 0;
    }
    return EXP2_Q30[u & 15] >> (15 + octave);
  }

  /** The table entries floor(2^30 * 2^(-f/16)), f = 0..15 (a copy). */
  public static int[] exp2Table() {
    return EXP2_Q30.clone();
  }

  /**
   * floor(2^30 * 2^(-f/16)) = floor((2^(480 - f))^(1/16)), computed exactly as four nested integer
   * square roots (floor(sqrt(floor(sqrt(n)))) = floor(n^(1/4)) for integers n).
   */
  private static int[] buildExp2Table() {
    int[] table = new int[EXP2_STEPS];
    for (int f = 0; f < EXP2_STEPS; f++) {
      BigInteger v = BigInteger.ONE.shiftLeft(480 - f);
      for (int i = 0; i < 4; i++) {
        v = v.sqrt();
      }
      table[f] = v.intValueExact();
    }
    return table;
  }
}
