package org.sprintchain.minilm.engine;

/**
 * The default {@link MatmulKernel}: plain Java that C2 auto-vectorises. The int8 weights are
 * re-laid out at load into blocks of {@link #BLOCK} output columns, one {@code int[]} per input
 * column (4× the weight memory), so the inner loop is {@code acc[j] += a·w[j]} over two whole int
 * arrays: the form C2 turns into SIMD (it does not vectorise byte→int loads, nor int loops over two
 * offsets into arrays that might alias).
 */
final class ColumnBlockWeights implements MatmulKernel.PackedWeights {
  /**
   * Output columns per block. 128 ints keep every row's accumulators of a block in L1; the block's
   * weights are streamed once per call.
   */
  static final int BLOCK = 128;

  private final int in;
  private final int out;
  private final int[][] blocks; // [block · in + k][n - block · BLOCK] = W[n][k]

  ColumnBlockWeights(byte[] weight, int in, int out) {
    if (in <= 0 || out <= 0 || weight.length != in * out) {
      throw new IllegalArgumentException("weights " + in + "→" + out + " are mis-sized");
    }
    this.in = in;
    this.out = out;
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

  @Override
  public int in() {
    return in;
  }

  @Override
  public int out() {
    return out;
  }

  @Override
  public void accumulate(byte[] a, int rows, int[] acc) {
    for (int n0 = 0, b = 0; n0 < out; n0 += BLOCK, b++) {
      int width = Math.min(BLOCK, out - n0);
      int[][] blockAcc = new int[rows][width];
      for (int r = 0; r < rows; r++) {
        System.arraycopy(acc, r * out + n0, blockAcc[r], 0, width);
      }
      accumulateBlock(a, rows, blocks, b * in, in, blockAcc);
      for (int r = 0; r < rows; r++) {
        System.arraycopy(blockAcc[r], 0, acc, r * out + n0, width);
      }
    }
  }

  /** {@code acc[r][j] += Σ_k a[r·in + k]·columns[base + k][j]}, int32 with wrapping addition. */
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
