package org.sprintchain.minilm.engine;

import java.math.BigInteger;

/**
 * LayerNorm over each row in integers: mean and variance exactly (the sum of squares in 128 bits),
 * the standard deviation by an exact integer square root, then {@code y = (x - mean)·γ / σ + β}.
 *
 * <pre>
 *   mean = round(Σx / D)                                  (Q32)
 *   d    = x - mean
 *   var  = floor(Σd² / D)                                 (Q64, 128-bit; ε = 1e-12 ignored)
 *   σ    = max(1, isqrt(var))                             (Q32)
 *   inv  = round(2^80 / σ)                                (Q48 of 1/σ)
 *   y    = round(round(d·γQ32 / 2^32) · inv / 2^48) + βQ32 (Q32)
 * </pre>
 */
public final class IntegerLayerNorm {
  private static final BigInteger TWO_POW_80 = BigInteger.ONE.shiftLeft(80);
  private final long[] gammaQ32;
  private final long[] betaQ32;

  public IntegerLayerNorm(long[] gammaQ32, long[] betaQ32) {
    if (gammaQ32.length != betaQ32.length) {
      throw new IllegalArgumentException("LayerNorm gamma and beta differ in width");
    }
    this.gammaQ32 = gammaQ32;
    this.betaQ32 = betaQ32;
  }

  /** Normalises each row of the Q32 tensor {@code x} [rows][D] in place. */
  public void applyInPlace(long[] x, int rows) {
    int width = gammaQ32.length;
    long[] d = new long[width];
    for (int r = 0; r < rows; r++) {
      int off = r * width;
      long sum = 0;
      for (int c = 0; c < width; c++) {
        sum = Math.addExact(sum, x[off + c]);
      }
      long mean = FixedMath.roundDiv(sum, width);
      long hi = 0;
      long lo = 0;
      for (int c = 0; c < width; c++) {
        d[c] = x[off + c] - mean;
        long sqLo = d[c] * d[c];
        long newLo = lo + sqLo;
        hi += Math.multiplyHigh(d[c], d[c]) + (Long.compareUnsigned(newLo, lo) < 0 ? 1 : 0);
        lo = newLo;
      }
      BigInteger variance = FixedMath.toBig(hi, lo).divide(BigInteger.valueOf(width));
      BigInteger sigma = variance.sqrt().max(BigInteger.ONE);
      long inv = TWO_POW_80.add(sigma.shiftRight(1)).divide(sigma).longValueExact();
      for (int c = 0; c < width; c++) {
        long scaled = FixedMath.mulShiftRound(d[c], gammaQ32[c], 32);
        x[off + c] = FixedMath.mulShiftRound(scaled, inv, 48) + betaQ32[c];
      }
    }
  }
}
