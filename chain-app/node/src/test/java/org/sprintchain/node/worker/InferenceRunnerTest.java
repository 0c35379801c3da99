package org.sprintchain.node.worker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sprintchain.chain.inference.Architecture;
import org.sprintchain.chain.inference.ModelEntry;
import org.sprintchain.chain.inference.ModelRuntime;
import org.sprintchain.model.vector.VectorMatmulKernel;

/**
 * The worker's outputs equal the chain's re-execution bit for bit, on the Vector API kernel (this
 * module's tests run with {@code jdk.incubator.vector}) and on the scalar one.
 */
class InferenceRunnerTest {
  private static final ModelEntry MINILM =
      new ModelEntry(
          "all-minilm-l6-v2",
          Architecture.MINILM_L6_V2_INT8,
          HexFormat.of().parseHex(ModelRuntime.bundledMiniLmWeightsHex()),
          1,
          4096);
  private static final ModelEntry SYNTHETIC =
      new ModelEntry("synthetic", Architecture.SYNTHETIC_V1, new byte[32], 1, 4096);
  private static final List<String> INPUTS =
      List.of("The quick brown fox jumps over the lazy dog.", "สวัสดีครับ", "x = f(42); // ok?");

  @Test
  void theVectorKernelGivesTheChainsBytes() {
    assumeTrue(VectorMatmulKernel.available(), VectorMatmulKernel::unavailableReason);
    InferenceRunner runner = new InferenceRunner("auto");
    assertEquals(true, runner.kernelName().startsWith("vector"), runner.kernelName());
    for (String text : INPUTS) {
      byte[] input = text.getBytes(StandardCharsets.UTF_8);
      assertArrayEquals(ModelRuntime.execute(MINILM, input), runner.execute(MINILM, input), text);
    }
    assertEquals(true, runner.vectorEncoderLoaded(), "the jobs ran on the vector encoder");
  }

  /**
   * SHA-256 of the MiniLM output for the first input. The cpu runner goes through {@link
   * ModelRuntime}, so comparing the two could not fail; this golden digest can. Recorded from the
   * integer engine, whose outputs are checked against ONNX Runtime in inference-runtime/minilm.
   */
  private static final String MINILM_FIRST_OUTPUT_SHA256 =
      "48ae902cb9865dd5d77038e137549d431b0fdf6ea758b8953d0dfc6d8372d98f";

  @Test
  void theCpuBackendUsesTheScalarKernelAndOtherModelsGoStraightToTheRuntime() throws Exception {
    InferenceRunner runner = new InferenceRunner("cpu");
    assertEquals("scalar", runner.kernelName());
    byte[] input = INPUTS.getFirst().getBytes(StandardCharsets.UTF_8);
    byte[] output = runner.execute(MINILM, input);
    assertEquals(
        MINILM_FIRST_OUTPUT_SHA256,
        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(output)));
    assertArrayEquals(ModelRuntime.execute(MINILM, input), output);
    assertArrayEquals(ModelRuntime.execute(SYNTHETIC, input), runner.execute(SYNTHETIC, input));
  }
}
