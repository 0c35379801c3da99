package org.sprintchain.model;

/** The reference {@link Int8Gemm}: three plain loops. */
public final class ScalarGemm implements Int8Gemm {
  /** Shared, stateless instance. */
  public static final ScalarGemm INSTANCE = new ScalarGemm();

  @Override
  public void multiply(byte[] a, int aOff, int rows, byte[] b, int n, int k, int[] out) {
    for (int r = 0; r < rows; r++) {
      int aRow = aOff + r * k;
      for (int c = 0; c < n; c++) {
        int bRow = c * k;
        int acc = 0;
        for (int i = 0; i < k; i++) {
          acc += a[aRow + i] * b[bRow + i];
        }
        out[r * n + c] = acc;
      }
    }
  }
}
