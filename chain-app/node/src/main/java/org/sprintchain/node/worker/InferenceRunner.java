package org.sprintchain.node.worker;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sprintchain.chain.inference.Architecture;
import org.sprintchain.chain.inference.ModelEntry;
import org.sprintchain.chain.inference.ModelRuntime;
import org.sprintchain.minilm.MiniLmEncoder;
import org.sprintchain.minilm.engine.MatmulKernel;
import org.sprintchain.model.vector.VectorMatmulKernel;

/**
 * Computes the outputs of the jobs this worker runs and audits. Synthetic jobs go straight to
 * {@link ModelRuntime}; minilm jobs run on an encoder built with the fastest matmul kernel the JVM
 * allows (the Vector API kernel when {@code jdk.incubator.vector} is present and the backend is not
 * {@code cpu}). Every kernel gives the same bits, so the outputs equal the chain's re-execution
 * ({@code ModelRuntime.execute}); only the speed differs. Only the bundled weights can be loaded
 * pinned, so the vector encoder is one lazily built field; jobs on any other weights, and every job
 * on the scalar kernel, use the runtime's own encoder (and its errors).
 */
final class InferenceRunner {
  private static final Logger LOG = LoggerFactory.getLogger(InferenceRunner.class);

  private final MatmulKernel kernel;
  private final String kernelName;
  private MiniLmEncoder vectorEncoder;

  InferenceRunner(String backend) {
    boolean wantsVector = !backend.toLowerCase(Locale.ROOT).equals("cpu");
    if (wantsVector && VectorMatmulKernel.available()) {
      this.kernel = new VectorMatmulKernel();
      this.kernelName = "vector (" + VectorMatmulKernel.lanes() + " int lanes)";
    } else {
      this.kernel = MatmulKernel.SCALAR;
      this.kernelName =
          wantsVector ? "scalar (" + VectorMatmulKernel.unavailableReason() + ")" : "scalar";
    }
  }

  /** The kernel minilm jobs run on, for logs and tests. */
  String kernelName() {
    return kernelName;
  }

  /** The output a correct executor returns for {@code input}. */
  byte[] execute(ModelEntry model, byte[] input) {
    if (model.architecture() != Architecture.MINILM_L6_V2_INT8
        || kernel == MatmulKernel.SCALAR
        || !model.weightsHex().equals(ModelRuntime.bundledMiniLmWeightsHex())) {
      // The scalar kernel is what ModelRuntime's own encoder uses: share it, not a second copy.
      return ModelRuntime.execute(model, input);
    }
    return ModelRuntime.minilmOutput(vectorEncoder(), input);
  }

  /** Whether a minilm job has run on the vector encoder; for tests. */
  synchronized boolean vectorEncoderLoaded() {
    return vectorEncoder != null;
  }

  private synchronized MiniLmEncoder vectorEncoder() {
    if (vectorEncoder == null) {
      long start = System.nanoTime();
      vectorEncoder =
          MiniLmEncoder.loadBundledPinned(ModelRuntime.bundledMiniLmWeightsHex(), kernel);
      LOG.info(
          "Loaded the bundled minilm weights with the {} matmul kernel in {} ms",
          kernelName,
          (System.nanoTime() - start) / 1_000_000);
    }
    return vectorEncoder;
  }
}
