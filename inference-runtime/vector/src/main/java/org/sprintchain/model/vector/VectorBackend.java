package org.sprintchain.model.vector;

import org.sprintchain.model.CpuSprintModel;
import org.sprintchain.model.ModelParams;
import org.sprintchain.model.SprintBackend;
import org.sprintchain.model.SprintModel;

/**
 * The reference forward pass with {@link VectorGemm}: same bytes, several times faster. Needs the
 * JVM flag {@code --add-modules jdk.incubator.vector} and vectors of at least 256 bits; without
 * them {@link #available()} is false and this class never touches a Vector API type, so callers can
 * fall back to the scalar backend.
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
    // The same conditions as the MiniLM kernel: the module, and vectors of at least 256 bits
    // (VectorGemm widens a byte vector of a quarter of the int vector's size, and there is no
    // 32-bit shape, so a 128-bit CPU such as ARM NEON would fail in its static initialiser).
    return VectorMatmulKernel.available();
  }

  @Override
  public SprintModel load(ModelParams params, byte[] seed) {
    if (!available()) {
      throw new IllegalStateException(
          "the vector backend is unavailable: " + VectorMatmulKernel.unavailableReason());
    }
    return new CpuSprintModel(name(), params, seed, new VectorGemm(), batch);
  }
}
