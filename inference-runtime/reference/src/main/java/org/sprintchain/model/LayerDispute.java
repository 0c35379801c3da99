package org.sprintchain.model;

import java.util.Arrays;

/**
 * Dispute settlement on the CPU. Worker and auditor each publish a {@link ModelTrace}; the first
 * index where their layer hashes differ names one step, and that step alone is re-executed here
 * from its agreed input (whose hash both sides signed). A block needs only its own weights, so the
 * cost is bounded by {@link #blockCost(ModelParams)} regardless of the model's depth.
 */
public final class LayerDispute {
  private LayerDispute() {}

  /** Why an evaluation did or did not run. */
  public enum Outcome {
    /** The step ran; see the output hash. */
    EVALUATED,
    /** The step costs more than the budget allowed. */
    OVER_BUDGET,
    /** The input is not seqLen * dModel int32 values or the layer index is out of range. */
    MALFORMED_INPUT
  }

  /**
   * The result of re-executing one step.
   *
   * @param outcome whether it ran
   * @param inputHash SHA-256 of the input residual (compare with layer hash l)
   * @param outputHash SHA-256 of the output residual (compare with layer hash l + 1)
   * @param residualOut the output residual stream
   */
  public record Evaluation(
      Outcome outcome, byte[] inputHash, byte[] outputHash, int[] residualOut) {
    static Evaluation refused(Outcome outcome) {
      return new Evaluation(outcome, new byte[0], new byte[0], new int[0]);
    }
  }

  /**
   * Work units of one block: its int8 multiply-adds for one nonce plus the weights it must generate
   * (one unit each).
   */
  public static long blockCost(ModelParams p) {
    return p.layerMacs() + p.layerWeightBytes();
  }

  /**
   * Re-executes block {@code layer} (0-based) on {@code residualIn}, the int32 residual stream
   * after block layer - 1 (or after the embedding for layer 0), refusing when {@link
   * #blockCost(ModelParams)} exceeds {@code budget}.
   */
  public static Evaluation evaluateLayer(
      ModelParams p, byte[] seed, int layer, int[] residualIn, long budget) {
    if (layer < 0 || layer >= p.layers() || residualIn.length != p.seqLen() * p.dModel()) {
      return Evaluation.refused(Outcome.MALFORMED_INPUT);
    }
    if (blockCost(p) > budget) {
      return Evaluation.refused(Outcome.OVER_BUDGET);
    }
    WeightStream stream = new WeightStream(seed);
    LayerWeights weights = LayerWeights.generate(p, stream, layer);
    ModelWeights single = new ModelWeights(p, stream, java.util.List.of(weights));
    int[] residual = residualIn.clone();
    new ModelForward(single, ScalarGemm.INSTANCE, 1).applyBlock(weights, residual);
    return new Evaluation(
        Outcome.EVALUATED,
        Sha256.ofInts(residualIn, 0, residualIn.length),
        Sha256.ofInts(residual, 0, residual.length),
        residual);
  }

  /** The residual stream after the embedding (layer hash 0's preimage); cheap for any preset. */
  public static int[] embedding(ModelParams p, byte[] seed, byte[] pubkey, long nonce) {
    int[] x = new int[p.seqLen() * p.dModel()];
    ModelForward.embed(p, new WeightStream(seed), InputTokens.of(p, seed, pubkey, nonce), x, 0);
    return x;
  }

  /** The output digest from the residual stream after the last block. */
  public static byte[] finalDigest(ModelParams p, int[] residual) {
    if (residual.length != p.seqLen() * p.dModel()) {
      throw new IllegalArgumentException("residual length " + residual.length);
    }
    ModelWeights none = new ModelWeights(p, new WeightStream(new byte[32]), java.util.List.of());
    return new ModelForward(none, ScalarGemm.INSTANCE, 1).digestOf(residual);
  }

  /** Index of the first differing layer hash, or -1 when the traces agree on every layer. */
  public static int firstDivergence(ModelTrace a, ModelTrace b) {
    int n = Math.min(a.layerHashes().size(), b.layerHashes().size());
    for (int i = 0; i < n; i++) {
      if (!Arrays.equals(a.layerHashes().get(i), b.layerHashes().get(i))) {
        return i;
      }
    }
    return -1;
  }
}
