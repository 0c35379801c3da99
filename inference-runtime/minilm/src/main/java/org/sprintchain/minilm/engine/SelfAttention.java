package org.sprintchain.minilm.engine;

import java.math.BigInteger;

/**
 * Multi-head self-attention over Q32 queries, keys and values (no mask: one unpadded sequence). The
 * export runs this part in float32, and its output is quantised to uint8 right after; to pick the
 * same uint8 codes the scores and mixing keep 32 fractional bits (products rounded one by one).
 *
 * <pre>
 *   s[i][j] = round(Σ_c round(q[i][c]·k[j][c] / 2^32) · INV_SQRT_DH_Q31 / 2^31)   (Q32)
 *   p[i][·] = IntegerSoftmax(s[i][·])                                             (Q30)
 *   ctx[i][c] = Σ_j round(p[i][j]·v[j][c] / 2^30)                                 (Q32)
 * </pre>
 *
 * {@code INV_SQRT_DH_Q31 = floor(2^31/√dh) = isqrt(floor(2^62/dh))}.
 */
public final class SelfAttention {
  private final int heads;
  private final int headDim;
  private final long invSqrtHeadDimQ31;

  public SelfAttention(int heads, int headDim) {
    this.heads = heads;
    this.headDim = headDim;
    this.invSqrtHeadDimQ31 =
        BigInteger.ONE.shiftLeft(62).divide(BigInteger.valueOf(headDim)).sqrt().longValueExact();
  }

  /** Context vectors [tokens][heads·headDim] in Q32. */
  public long[] apply(long[] q, long[] k, long[] v, int tokens) {
    int width = heads * headDim;
    long[] ctx = new long[tokens * width];
    long[] scores = new long[tokens];
    long[] p = new long[tokens];
    long[] ctxRow = new long[headDim];
    // v[j][c] = 2^32·hi + lo with lo in [0, 2^32): one long[headDim] per token, so the mixing loop
    // runs over whole arrays from index 0 (the shape C2 vectorises).
    long[][] vHi4 = new long[tokens][headDim];
    long[][] vLo = new long[tokens][headDim];
    for (int h = 0; h < heads; h++) {
      int col0 = h * headDim;
      for (int j = 0; j < tokens; j++) {
        for (int c = 0; c < headDim; c++) {
          long vv = v[j * width + col0 + c];
          vHi4[j][c] = (vv >> 32) << 2;
          vLo[j][c] = vv & 0xFFFF_FFFFL;
        }
      }
      for (int i = 0; i < tokens; i++) {
        int qOff = i * width + col0;
        for (int j = 0; j < tokens; j++) {
          int kOff = j * width + col0;
          long dot = 0;
          for (int c = 0; c < headDim; c++) {
            dot += FixedMath.mulShiftRound(q[qOff + c], k[kOff + c], 32);
          }
          scores[j] = FixedMath.mulShiftRound(dot, invSqrtHeadDimQ31, 31);
        }
        IntegerSoftmax.apply(scores, tokens, p);
        java.util.Arrays.fill(ctxRow, 0);
        for (int j = 0; j < tokens; j++) {
          long pj = p[j];
          if (pj >= 0 && pj <= 1L << 30) {
            mixRow(ctxRow, pj, vHi4[j], vLo[j]);
          } else { // unreachable (softmax gives 0..2^30); the general product keeps any input exact
            for (int c = 0; c < headDim; c++) {
              ctxRow[c] += FixedMath.mulShiftRound(pj, v[j * width + col0 + c], 30);
            }
          }
        }
        System.arraycopy(ctxRow, 0, ctx, qOff, headDim);
      }
    }
    return ctx;
  }

  /**
   * {@code acc[c] += round(p·v[c] / 2^30)} (half up) with {@code v[c] = hi4[c]/4·2^32 + lo[c]}, for
   * {@code 0 ≤ p ≤ 2^30}. Exact in 64 bits: {@code p·v + 2^29 = (p·hi4)·2^30 + (p·lo + 2^29)} with
   * {@code p·lo + 2^29 < 2^62 + 2^29}, and {@code floor((A·2^30 + B) / 2^30) = A + (B >> 30)} for
   * integer A; |p·hi4| ≤ 2^30·2^33. Equal bit for bit to {@code FixedMath.mulShiftRound(p, v, 30)}.
   */
  static void mixRow(long[] acc, long p, long[] hi4, long[] lo) {
    for (int c = 0; c < acc.length; c++) {
      acc[c] += p * hi4[c] + ((p * lo[c] + (1L << 29)) >> 30);
    }
  }
}
