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
  /**
   * Output columns per block. A block's weights are one {@code int[]} per input column, so the
   * inner loop is {@code acc[n] += a·w[n]} over two whole int arrays: the form C2 turns into SIMD
   * (it does not vectorise byte→int loads, nor int loops over two offsets into arrays that might
   * alias). 128 ints keep every row's accumulators of a block in L1; the block's weights are
   * streamed once per call.
   */
  static final int BLOCK = 128;

  private final int in;
  private final int out;
  private final int[][] blocks; // [block · in + k][n - block · BLOCK] = W[n][k]
  private final int[] rowSum;
  private final long[] scaleQ56;
  private final long[] biasQ32;

  /**
   * @param weight int8 weights, [out][in] (re-laid out once here into column blocks)
   * @param scaleQ56 per-output weight scale in Q56
   * @param biasQ32 per-output bias in Q32
   */
  public QuantizedLinear(int in, int out, byte[] weight, long[] scaleQ56, long[] biasQ32) {
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
    int blockCount = (out + BLOCK - 1) / BLOCK;
    this.blocks = new int[blockCount * in][];
    for (int b = 0; b < blockCount; b++) {
      int n0 = b * BLOCK;
      int width = Math.min(BLOCK, out - n0);
      for (int k = 0; k < in; k++) {
        int[] column = new int[width];
        for (int j = 0; j < width; j++) {
          column[j] = weight[(n0 + j) * in + k];
        }
        blocks[b * in + k] = column;
      }
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
    for (int n0 = 0, b = 0; n0 < out; n0 += BLOCK, b++) {
      int width = Math.min(BLOCK, out - n0);
      int[][] acc = new int[rows][width];
      for (int r = 0; r < rows; r++) {
        for (int j = 0; j < width; j++) {
          acc[r][j] = zpShift * rowSum[n0 + j];
        }
      }
      accumulateBlock(a, rows, blocks, b * in, in, acc);
      for (int r = 0; r < rows; r++) {
        int yOff = r * out + n0;
        int[] accRow = acc[r];
        for (int j = 0; j < width; j++) {
          y[yOff + j] = FixedMath.mulShiftRound(accRow[j], mult[n0 + j], 8) + biasQ32[n0 + j];
        }
      }
    }
    return y;
  }

  /**
   * {@code acc[r][j] += Σ_k a[r·in + k]·columns[base + k][j]}: int32 with wrapping addition, which
   * is exact (and order-free) because the true sum is bounded as stated in the class comment.
   */
  static void accumulateBlock(byte[] a, int rows, int[][] columns, int base, int in, int[][] acc) {
    int k = 0;
    for (; k + 3 < in; k += 4) {
      int[] w0 = columns[base + k];
      int[] w1 = columns[base + k + 1];
      int[] w2 = columns[base + k + 2];
      int[] w3 = columns[base + k + 3];
      for (int r = 0; r < rows; r++) {
        int o = r * in + k;
        axpy4(acc[r], w0, w1, w2, w3, a[o], a[o + 1], a[o + 2], a[o + 3]);
      }
    }
    for (; k < in; k++) {
      int[] w0 = columns[base + k];
      for (int r = 0; r < rows; r++) {
        axpy4(acc[r], w0, w0, w0, w0, a[r * in + k], 0, 0, 0);
      }
    }
  }

  private static void axpy4(
      int[] acc, int[] w0, int[] w1, int[] w2, int[] w3, int a0, int a1, int a2, int a3) {
    for (int j = 0; j < acc.length; j++) {
      acc[j] += a0 * w0[j] + a1 * w1[j] + a2 * w2[j] + a3 * w3[j];
    }
  }
}
