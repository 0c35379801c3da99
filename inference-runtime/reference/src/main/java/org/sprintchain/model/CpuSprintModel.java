package org.sprintchain.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The sprint model on the CPU: the reference forward pass with a pluggable {@link Int8Gemm}. With
 * {@link ScalarGemm} it is the specification itself; the Vector API backend swaps in its GEMM.
 */
public final class CpuSprintModel extends BatchScoringModel {
  private final ModelWeights weights;
  private final Int8Gemm gemm;
  private final int batchSize;
  private final String backend;

  /** Generates the weights for {@code seed}. */
  public CpuSprintModel(
      String backend, ModelParams params, byte[] seed, Int8Gemm gemm, int batchSize) {
    super(params, seed, batchSize);
    this.backend = backend;
    this.weights = ModelWeights.generate(params, seed);
    this.gemm = gemm;
    this.batchSize = batchSize;
  }

  @Override
  public String backend() {
    return backend;
  }

  @Override
  protected List<byte[]> digests(int[][] tokens) {
    List<byte[]> out = new ArrayList<>(tokens.length);
    for (ModelTrace trace : new ModelForward(weights, gemm, batchSize).run(tokens, false)) {
      out.add(trace.digest());
    }
    return out;
  }

  @Override
  protected ModelTrace trace(int[] tokens) {
    return new ModelForward(weights, gemm, 1).run(new int[][] {tokens}, true).get(0);
  }

  @Override
  public void close() {
    // Heap memory only; the garbage collector frees the weights.
  }
}
