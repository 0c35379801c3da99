package org.sprintchain.model.vector;

import org.sprintchain.model.CpuSprintModel;
import org.sprintchain.model.ModelParams;
import org.sprintchain.model.SprintBackend;
import org.sprintchain.model.SprintModel;

/**
 * The reference forward pass with {@link VectorGemm}: same bytes, several times faster. Needs the
 * JVM flag {@code --add-modules jdk.incubator.vector}; without it {@link #available()} is false and
 * this class never touches a Vector API type, so callers can fall back to the scalar backend.
 */
public final class VectorBackend implements SprintBackend {
  /** Nonces per forward pass: linear layers then see batch * seqLen rows per weight row. */
  public static final int DEFAULT_BATCH = 4;

  private final int batch;

  /** With {@link #DEFAULT_BATCH}. */
  public VectorBackend() {
    this(DEFAULT_BATCH);
  }

  /** With {@code batch} nonces per forward pass. */
  public VectorBackend(int batch) {
    this.batch = batch;
  }

  @Override
  public String name() {
    return "vector";
  }

  @Override
  public boolean available() {
    return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
  }

  @Override
  public SprintModel load(ModelParams params, byte[] seed) {
    if (!available()) {
      throw new IllegalStateException(
          "the vector backend needs --add-modules jdk.incubator.vector");
    }
    return new CpuSprintModel(name(), params, seed, new VectorGemm(), batch);
  }
}
