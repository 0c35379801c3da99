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
    for (int h = 0; h < heads; h++) {
      int col0 = h * headDim;
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
        for (int c = 0; c < headDim; c++) {
          long acc = 0;
          for (int j = 0; j < tokens; j++) {
            acc += FixedMath.mulShiftRound(p[j], v[j * width + col0 + c], 30);
          }
          ctx[qOff + c] = acc;
        }
      }
    }
    return ctx;
  }
}
