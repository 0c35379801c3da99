package org.sprintchain.model;

/**
 * The 32-bit tensor ids that go into the Philox counter. Every weight matrix is stored row-major as
 * [out][in], so an output is a dot product of two contiguous int8 rows.
 */
public final class TensorId {
  /** Token embedding, [vocab][dModel]. */
  public static final int TOKEN_EMBEDDING = 1;

  /** Position embedding, [seqLen][dModel]. */
  public static final int POSITION_EMBEDDING = 2;

  /** Per-block tensors, in the order of {@link #layer(int, int)}'s kind argument. */
  public static final int WQ = 0;

  /** Key projection, [D][D]. */
  public static final int WK = 1;

  /** Value projection, [D][D]. */
  public static final int WV = 2;

  /** Attention output projection, [D][D]. */
  public static final int WO = 3;

  /** Feed-forward up projection, [F][D]. */
  public static final int W1 = 4;

  /** Feed-forward down projection, [D][F]. */
  public static final int W2 = 5;

  /** Number of tensors per block. */
  public static final int PER_LAYER = 6;

  private TensorId() {}

  /** Id of tensor {@code kind} of block {@code layer} (0-based): 256 * (layer + 1) + kind. */
  public static int layer(int layer, int kind) {
    return 256 * (layer + 1) + kind;
  }
}
