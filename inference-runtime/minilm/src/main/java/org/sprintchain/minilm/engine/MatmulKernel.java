package org.sprintchain.minilm.engine;

/**
 * The int8 × int8 → int32 product inside every dense layer: the engine's one hot loop (about 65% of
 * encode time), kept behind a seam so that an adapter can supply a faster implementation (the
 * Vector API one in {@code sprint-model-vector}) while this deterministic core stays free of
 * incubator modules. A kernel is chosen once, when the encoder is built.
 *
 * <p>Contract of {@link PackedWeights#accumulate}: {@code acc[r·out + n] += Σ_k a[r·in +
 * k]·W[n][k]} with int32 wrapping addition. Addition modulo 2^32 is associative and commutative, so
 * every implementation gives the same bits whatever its summation order, blocking or lane layout;
 * and under {@link QuantizedLinear}'s bound nothing wraps, so those bits are the exact sum the spec
 * asks for.
 */
@FunctionalInterface
public interface MatmulKernel {
  /** The default: int columns in blocks that C2 auto-vectorises ({@link ColumnBlockWeights}). */
  MatmulKernel SCALAR = ColumnBlockWeights::new;

  /**
   * Lays out a weight matrix once, at load, in whatever form this kernel multiplies fastest.
   *
   * @param weight int8 weights, [out][in] row-major, unchanged by the caller afterwards
   */
  PackedWeights pack(byte[] weight, int in, int out);

  /** One weight matrix in a kernel's own layout; immutable, so safe to share between threads. */
  interface PackedWeights {
    int in();

    int out();

    /**
     * {@code acc[r·out + n] += Σ_k a[r·in + k]·W[n][k]} for every {@code r < rows}, {@code n <
     * out}, in int32 with wrapping addition.
     *
     * @param a int8 activations, [rows][in] row-major (at least {@code rows·in} long)
     * @param acc int32 accumulators, [rows][out] row-major (at least {@code rows·out} long)
     */
    void accumulate(byte[] a, int rows, int[] acc);
  }
}
