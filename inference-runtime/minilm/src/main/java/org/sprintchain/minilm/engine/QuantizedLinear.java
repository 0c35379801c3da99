package org.sprintchain.minilm.engine;

/**
 * A dense layer with symmetric int8 weights and one float scale per output column, fed by
 * per-tensor uint8 activations: the ONNX {@code MatMulInteger → Cast → Mul(scale) → Add(bias)}
 * chain in integers only.
 *
 * <p>{@code acc[r][n] = Σ_k (q[r][k] - zp)·W[n][k]} is exact in int32: |q - zp| ≤ 255, |W| ≤ 128
 * and K ≤ 1536 bound it by 50,135,040. It is computed as {@code Σ (q-128)·W + (128-zp)·rowSum[n]}
 * so the inner loop is int8 × int8. Then, with R the activation range in Q32 and s[n] the weight
 * scale in Q56 (exact: a binary32 scale in [2^-32, 1) has no bits below 2^-56):
 *
 * <pre>
 *   M[n] = round(round(R · sQ56[n] / 2^40) / (255 · 2^8))     (Q40 of (R/255)·s[n])
 *   y    = round(acc · M[n] / 2^8) + biasQ32[n]               (Q32)
 * </pre>
 */
public final class QuantizedLinear {
  private final int in;
  private final int out;
  private final byte[] weight; // [out][in], so one output is a contiguous dot product
  private final int[] rowSum;
  private final long[] scaleQ56;
  private final long[] biasQ32;

  /**
   * @param weight int8 weights, [out][in]
   * @param scaleQ56 per-output weight scale in Q56
   * @param biasQ32 per-output bias in Q32
   */
  public QuantizedLinear(int in, int out, byte[] weight, long[] scaleQ56, long[] biasQ32) {
    if (weight.length != in * out || scaleQ56.length != out || biasQ32.length != out) {
      throw new IllegalArgumentException("linear " + in + "→" + out + " has mis-sized parameters");
    }
    this.in = in;
    this.out = out;
    this.weight = weight;
    this.scaleQ56 = scaleQ56;
    this.biasQ32 = biasQ32;
    this.rowSum = new int[out];
    for (int n = 0; n < out; n++) {
      int s = 0;
      for (int k = 0; k < in; k++) {
        s += weight[n * in + k];
      }
      rowSum[n] = s;
    }
  }

  public int in() {
    return in;
  }

  public int out() {
    return out;
  }

  /** Applies the layer; the result is [rows][out] in Q32. */
  public long[] apply(QuantizedActivations x) {
    if (x.cols() != in) {
      throw new IllegalArgumentException("linear expects width " + in + ", got " + x.cols());
    }
    int rows = x.rows();
    byte[] a = x.centered();
    long[] mult = new long[out];
    for (int n = 0; n < out; n++) {
      mult[n] = FixedMath.roundDiv(FixedMath.mulShiftRound(x.range(), scaleQ56[n], 40), 255L << 8);
    }
    int zpShift = 128 - x.zeroPoint();
    long[] y = new long[rows * out];
    for (int r = 0; r < rows; r++) {
      int aOff = r * in;
      for (int n = 0; n < out; n++) {
        int acc = dot(a, aOff, weight, n * in, in) + zpShift * rowSum[n];
        y[r * out + n] = FixedMath.mulShiftRound(acc, mult[n], 8) + biasQ32[n];
      }
    }
    return y;
  }

  /** Plain int32 sum of int8 products; wrapping addition, though the bound above rules it out. */
  static int dot(byte[] a, int aOff, byte[] b, int bOff, int len) {
    int s0 = 0;
    int s1 = 0;
    int s2 = 0;
    int s3 = 0;
    int k = 0;
    for (; k + 3 < len; k += 4) {
      s0 += a[aOff + k] * b[bOff + k];
      s1 += a[aOff + k + 1] * b[bOff + k + 1];
      s2 += a[aOff + k + 2] * b[bOff + k + 2];
      s3 += a[aOff + k + 3] * b[bOff + k + 3];
    }
    for (; k < len; k++) {
      s0 += a[aOff + k] * b[bOff + k];
    }
    return s0 + s1 + s2 + s3;
  }
}
