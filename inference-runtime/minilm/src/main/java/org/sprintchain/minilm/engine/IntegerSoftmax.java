package org.sprintchain.minilm.engine;

import java.math.BigInteger;

/**
 * Softmax in integers, in the manner of I-BERT: subtract the row maximum, turn e^x into 2^(x·log2
 * e), split the exponent into an integer shift, a 1/64 table step and a small remainder, and take
 * the remainder through a short Taylor series. Probabilities come out in Q30.
 *
 * <pre>
 *   x   = s - max(s)                                   (Q32, ≤ 0)
 *   z   = -round(x · LOG2E_Q60 / 2^60)                 (Q32, ≥ 0: the base-2 exponent, negated)
 *   n   = z >> 32;  i = (z >> 26) & 63;  g = z & (2^26 - 1)
 *   u   = round(g · LN2_Q62 / 2^62)                    (Q32, u &lt; ln2/64)
 *   eu  = e^-u by Horner: a = 2^32; for k = 4..1: a = 2^32 - round(round(a·u / 2^32) / k)
 *   e   = round(round(EXP2_Q40[i] · eu / 2^42) / 2^n)  (Q30; 0 when n ≥ 63)
 *   p   = round(e · 2^30 / Σe)                         (Q30)
 * </pre>
 *
 * {@code EXP2_Q40[i] = floor(2^40 · 2^(-i/64)) = floor((2^(2560-i))^(1/64))}, computed as six
 * nested exact integer square roots (floor(√floor(√n)) = floor(n^¼)), so the table needs no
 * floating point and no stored constants. The Taylor tail after u⁴/24 is below 2^-38.
 */
public final class IntegerSoftmax {
  /** round(log2(e) · 2^60). */
  static final long LOG2E_Q60 = 1_663_314_137_230_540_311L;

  /** round(ln(2) · 2^62). */
  static final long LN2_Q62 = 3_196_577_161_300_663_915L;

  static final long[] EXP2_Q40 = exp2Table();

  private IntegerSoftmax() {}

  private static long[] exp2Table() {
    long[] t = new long[64];
    for (int i = 0; i < 64; i++) {
      BigInteger v = BigInteger.ONE.shiftLeft(40 * 64 - i);
      for (int k = 0; k < 6; k++) {
        v = v.sqrt();
      }
      t[i] = v.longValueExact();
    }
    return t;
  }

  /** ≈ 2^30 · 2^(-z / 2^32) for z ≥ 0 in Q32. */
  static long exp2Neg(long z) {
    long n = z >> 32;
    if (n >= 63) {
      return 0;
    }
    int i = (int) ((z >> 26) & 63);
    long g = z & ((1L << 26) - 1);
    long u = FixedMath.mulShiftRound(g, LN2_Q62, 62);
    long a = 1L << 32;
    for (int k = 4; k >= 1; k--) {
      a = (1L << 32) - FixedMath.roundDiv(FixedMath.mulShiftRound(a, u, 32), k);
    }
    return FixedMath.roundShift(FixedMath.mulShiftRound(EXP2_Q40[i], a, 42), (int) n);
  }

  /** Softmax of the Q32 scores {@code s[0..n)} into Q30 probabilities {@code p[0..n)}. */
  public static void apply(long[] s, int n, long[] p) {
    long max = Long.MIN_VALUE;
    for (int j = 0; j < n; j++) {
      max = Math.max(max, s[j]);
    }
    long sum = 0;
    for (int j = 0; j < n; j++) {
      long z = -FixedMath.mulShiftRound(s[j] - max, LOG2E_Q60, 60);
      p[j] = exp2Neg(z);
      sum += p[j];
    }
    for (int j = 0; j < n; j++) {
      p[j] = FixedMath.roundDiv(p[j] << 30, sum);
    }
  }
}
