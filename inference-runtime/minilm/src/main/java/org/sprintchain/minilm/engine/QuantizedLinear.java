package org.sprintchain.minilm.engine;

/**
 * A dense layer with symmetric int8 weights and one float scale per output column, fed by
 * per-tensor uint8 activations: the ONNX {@code MatMulInteger → Cast → Mul(scale) → Add(bias)}
 * chain in integers only.
 *
 * <p>{@code acc[r][n] = Σ_k (q[r][k] - zp)·W[n][k]} is exact in int32: |q - zp| ≤ 255, |W| ≤ 128
 * and K ≤ 1536 bound it by 50,135,040. It is computed as {@code Σ (q-128)·W + (128-zp)·rowSum[n]}
 * so the inner loop is int8 × int8, and that loop is a {@link MatmulKernel}'s (the default, or a
 * SIMD one chosen when the encoder is built): int32 sums are exact and order-free, so the kernel
 * cannot change a bit. Then, with R the activation range in Q32 and s[n] the weight scale in Q56
 * (exact: a binary32 scale in [2^-32, 1) has no bits below 2^-56):
 *
 * <pre>
 *   M[n] = round(round(R · sQ56[n] / 2^40) / (255 · 2^8))     (Q40 of (R/255)·s[n])
 *   y    = round(acc · M[n] / 2^8) + biasQ32[n]               (Q32)
 * </pre>
 */
public final class QuantizedLinear {
  private final int in;
  private final int out;
  private final MatmulKernel.PackedWeights weights;
  private final int[] rowSum;
  private final long[] scaleQ56;
  private final long[] biasQ32;

  /**
   * With the default kernel, {@link MatmulKernel#SCALAR}.
   *
   * @param weight int8 weights, [out][in] (re-laid out once here by the kernel)
   * @param scaleQ56 per-output weight scale in Q56
   * @param biasQ32 per-output bias in Q32
   */
  public QuantizedLinear(int in, int out, byte[] weight, long[] scaleQ56, long[] biasQ32) {
    this(in, out, weight, scaleQ56, biasQ32, MatmulKernel.SCALAR);
  }

  /** With {@code kernel} computing the int32 sums (any kernel gives the same bits). */
  public QuantizedLinear(
      int in, int out, byte[] weight, long[] scaleQ56, long[] biasQ32, MatmulKernel kernel) {
    if (weight.length != in * out || scaleQ56.length != out || biasQ32.length != out) {
      throw new IllegalArgumentException("linear " + in + "→" + out + " has mis-sized parameters");
    }
    this.in = in;
    this.out = out;
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
    this.weights = kernel.pack(weight, in, out);
    if (weights.in() != in || weights.out() != out) {
      throw new IllegalStateException("kernel packed " + in + "→" + out + " as a different shape");
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
    long[] mult = new long[out];
    for (int n = 0; n < out; n++) {
      mult[n] = FixedMath.roundDiv(FixedMath.mulShiftRound(x.range(), scaleQ56[n], 40), 255L << 8);
    }
    int zpShift = 128 - x.zeroPoint();
    int[] acc = new int[rows * out];
    for (int r = 0; r < rows; r++) {
      for (int n = 0; n < out; n++) {
        acc[r * out + n] = zpShift * rowSum[n];
      }
    }
    weights.accumulate(x.centered(), rows, acc);
    long[] y = new long[rows * out];
    for (int r = 0; r < rows; r++) {
      for (int n = 0; n < out; n++) {
        int i = r * out + n;
        y[i] = FixedMath.mulShiftRound(acc[i], mult[n], 8) + biasQ32[n];
      }
    }
    return y;
  }
}
