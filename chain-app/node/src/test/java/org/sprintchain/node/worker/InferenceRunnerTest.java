package org.sprintchain.node.worker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
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
  }

  @Test
  void theCpuBackendUsesTheScalarKernelAndOtherModelsGoStraightToTheRuntime() {
    InferenceRunner runner = new InferenceRunner("cpu");
    assertEquals("scalar", runner.kernelName());
    byte[] input = INPUTS.getFirst().getBytes(StandardCharsets.UTF_8);
    assertArrayEquals(ModelRuntime.execute(MINILM, input), runner.execute(MINILM, input));
    assertArrayEquals(ModelRuntime.execute(SYNTHETIC, input), runner.execute(SYNTHETIC, input));
  }
}
