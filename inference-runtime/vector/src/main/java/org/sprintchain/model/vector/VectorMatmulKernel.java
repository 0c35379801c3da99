package org.sprintchain.model.vector;

import org.sprintchain.minilm.engine.MatmulKernel;

/**
 * MiniLM's {@link MatmulKernel} on the Vector API ({@link PanelWeights}): the same int32 sums as
 * the default kernel, so the same bits, several times faster. Use it as {@code
 * MiniLmEncoder.loadBundled(new VectorMatmulKernel())}.
 *
 * <p>Needs the JVM flag {@code --add-modules jdk.incubator.vector} and vectors of at least 256 bits
 * (AVX2, AVX-512, 256-bit SVE); without them {@link #available()} is false, the constructor throws,
 * and this class never touches a Vector API type, so callers can fall back to {@link
 * MatmulKernel#SCALAR}.
 */
public final class VectorMatmulKernel implements MatmulKernel {
  /** Throws {@link IllegalStateException} unless {@link #available()}. */
  public VectorMatmulKernel() {
    String missing = unavailableReason();
    if (!missing.isEmpty()) {
      throw new IllegalStateException("the vector MiniLM kernel is unavailable: " + missing);
    }
  }

  /** Whether this JVM and CPU can run the kernel. */
  public static boolean available() {
    return unavailableReason().isEmpty();
  }

  /** Why the kernel cannot run here; empty when it can. */
  public static String unavailableReason() {
    if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
      return "the JVM needs --add-modules jdk.incubator.vector";
    }
    int bits = PanelWeights.preferredBits();
    if (bits < PanelWeights.MIN_BITS) {
      return "the preferred vector has " + bits + " bits, fewer than " + PanelWeights.MIN_BITS;
    }
    return "";
  }

  /** int32 lanes per vector on this CPU (16 with AVX-512, 8 with AVX2). */
  public static int lanes() {
    return PanelWeights.LANES;
  }

  @Override
  public PackedWeights pack(byte[] weight, int in, int out) {
    return new PanelWeights(weight, in, out);
  }
}
