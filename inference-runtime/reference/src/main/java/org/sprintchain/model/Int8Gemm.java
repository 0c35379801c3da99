package org.sprintchain.model;

/**
 * The one hot loop of the model: {@code out[r * n + c] = sum over i < k of a[aOff + r * k + i] *
 * b[c * k + i]}, for r < rows and c < n, in wrapping int32 arithmetic. Both operands are int8 rows
 * laid out contiguously ("A times B-transposed"), so every implementation reads unit-stride rows.
 * The model's shapes keep k <= {@link ModelParams#MAX_INNER}, so the sums never actually wrap;
 * addition modulo 2^32 is associative and commutative, so any summation order is bit-identical.
 */
@FunctionalInterface
public interface Int8Gemm {
  /** See the interface comment. {@code out} must hold at least rows * n ints. */
  void multiply(byte[] a, int aOff, int rows, byte[] b, int n, int k, int[] out);
}
