package org.sprintchain.minilm;

import org.sprintchain.minilm.engine.FixedMath;

/**
 * Sentence-transformers pooling for all-MiniLM-L6-v2: the mean of the token states (every token is
 * attended: one unpadded sentence), then, for the normalised variant, division by the L2 norm.
 *
 * <pre>
 *   mean[c] = round(Σ_t h[t][c] / (T · 2^8))             (Q24 from Q32 states)
 *   norm    = max(1, isqrt(Σ_c mean[c]²))                (Q24)
 *   unit[c] = round(mean[c] · 2^30 / norm)               (Q30)
 * </pre>
 *
 * Q24 fits an int: a LayerNorm output is at most |γ|·√D + |β| ≈ 15 here, far below 128.
 */
final class SentencePooling {
  static final int MEAN_SHIFT = 24;
  static final int UNIT_SHIFT = 30;

  private SentencePooling() {}

  static int[] mean(long[] hidden, int tokens, int width) {
    int[] out = new int[width];
    for (int c = 0; c < width; c++) {
      long sum = 0;
      for (int t = 0; t < tokens; t++) {
        sum = Math.addExact(sum, hidden[t * width + c]);
      }
      out[c] = Math.toIntExact(FixedMath.roundDiv(sum, (long) tokens << (FixedMath.FRAC - 24)));
    }
    return out;
  }

  static int[] l2Normalize(int[] meanQ24) {
    long squares = 0;
    for (int v : meanQ24) {
      squares = Math.addExact(squares, (long) v * v);
    }
    long norm = Math.max(1, FixedMath.isqrt(squares));
    int[] out = new int[meanQ24.length];
    for (int c = 0; c < out.length; c++) {
      out[c] = Math.toIntExact(FixedMath.roundDiv((long) meanQ24[c] << UNIT_SHIFT, norm));
    }
    return out;
  }
}
