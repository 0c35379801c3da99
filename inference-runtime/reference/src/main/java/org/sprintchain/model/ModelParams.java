package org.sprintchain.model;

import java.util.List;
import java.util.Locale;

/**
 * The shape of the sprint model. Every size is a chain parameter, so the record refuses shapes that
 * could overflow an int32 accumulator: with int8 values in [-127, 127] a dot product of length
 * {@link #MAX_INNER} stays below 2^31 (127 * 127 * 131072 = 2,114,060,288).
 *
 * @param dModel width of the residual stream (D)
 * @param layers number of transformer blocks (L)
 * @param heads attention heads (H); D must be a multiple of H
 * @param dFf hidden width of the feed-forward block (F)
 * @param seqLen tokens per nonce (T)
 * @param vocab token vocabulary (V)
 */
public record ModelParams(int dModel, int layers, int heads, int dFf, int seqLen, int vocab) {
  /** The longest inner dimension of any dot product; keeps int32 sums exact. */
  public static final int MAX_INNER = 131_072;

  /** Unit tests: milliseconds per nonce on one core. */
  public static final ModelParams TINY = new ModelParams(64, 2, 4, 256, 16, 512);

  /** CPU testnets: about 0.2 G multiply-adds per nonce. */
  public static final ModelParams CPU_SMALL = new ModelParams(256, 4, 8, 1024, 64, 4096);

  /** GPU sprints: about 6.6 GB of int8 weights, 1.67 T multiply-adds per nonce. */
  public static final ModelParams GPU_LARGE = new ModelParams(4096, 32, 32, 16384, 256, 32768);

  /** Validates the shape; see the class comment for the overflow bound. */
  public ModelParams {
    requireRange("dModel", dModel, 1, MAX_INNER);
    requireRange("layers", layers, 1, 1 << 20);
    requireRange("heads", heads, 1, dModel);
    requireRange("dFf", dFf, 1, MAX_INNER);
    requireRange("seqLen", seqLen, 1, MAX_INNER);
    requireRange("vocab", vocab, 2, Integer.MAX_VALUE);
    if (dModel % heads != 0) {
      throw new IllegalArgumentException(
          "dModel " + dModel + " is not a multiple of heads " + heads);
    }
  }

  private static void requireRange(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          name + " " + value + " outside [" + min + ", " + max + "]");
    }
  }

  /** Names of the presets, in the order of {@link #preset(String)}. */
  public static List<String> presetNames() {
    return List.of("tiny", "cpu-small", "gpu-large");
  }

  /** The preset called {@code name} (tiny, cpu-small, gpu-large). */
  public static ModelParams preset(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "tiny" -> TINY;
      case "cpu-small" -> CPU_SMALL;
      case "gpu-large" -> GPU_LARGE;
      default -> throw new IllegalArgumentException("unknown preset " + name + presetNames());
    };
  }

  /** Width of one attention head. */
  public int headDim() {
    return dModel / heads;
  }

  /** int8 weights of one transformer block: Wq, Wk, Wv, Wo (D x D), W1 (F x D), W2 (D x F). */
  public long layerWeightBytes() {
    return 4L * dModel * dModel + 2L * dModel * dFf;
  }

  /** All int8 weights: token and position embeddings plus every block. */
  public long weightBytes() {
    return (long) vocab * dModel + (long) seqLen * dModel + layers * layerWeightBytes();
  }

  /** int8 multiply-adds of one block for one nonce: the projections plus QK^T and PV. */
  public long layerMacs() {
    return (long) seqLen * layerWeightBytes() + 2L * seqLen * seqLen * dModel;
  }

  /** int8 multiply-adds of one nonce; one MAC counts as two ops in the benchmark. */
  public long macsPerNonce() {
    return layers * layerMacs();
  }
}
