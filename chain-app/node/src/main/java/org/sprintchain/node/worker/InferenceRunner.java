package org.sprintchain.node.worker;

import java.util.Locale;
import java.util.TreeMap;
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
 * ({@code ModelRuntime.execute}); only the speed differs. Vector encoders are pinned to the
 * registered weights hash and kept per hash; on the scalar kernel the runtime's own encoder serves.
 */
final class InferenceRunner {
  private static final Logger LOG = LoggerFactory.getLogger(InferenceRunner.class);

  private final MatmulKernel kernel;
  private final String kernelName;
  private final TreeMap<String, MiniLmEncoder> encoders = new TreeMap<>();

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
    if (model.architecture() != Architecture.MINILM_L6_V2_INT8 || kernel == MatmulKernel.SCALAR) {
      // The scalar kernel is what ModelRuntime's own encoder uses: share it, not a second copy.
      return ModelRuntime.execute(model, input);
    }
    return ModelRuntime.minilmOutput(encoder(model.weightsHex()), input);
  }

  private synchronized MiniLmEncoder encoder(String weightsHex) {
    MiniLmEncoder cached = encoders.get(weightsHex);
    if (cached != null) {
      return cached;
    }
    long start = System.nanoTime();
    MiniLmEncoder encoder = MiniLmEncoder.loadBundledPinned(weightsHex, kernel);
    LOG.info(
        "Loaded minilm weights {} with the {} matmul kernel in {} ms",
        weightsHex.substring(0, 12),
        kernelName,
        (System.nanoTime() - start) / 1_000_000);
    encoders.put(weightsHex, encoder);
    return encoder;
  }
}
