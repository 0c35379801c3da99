package org.sprintchain.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ModelParamsTest {
  @Test
  void innerDimensionBoundKeepsInt32SumsExact() {
    assertTrue(127L * 127L * ModelParams.MAX_INNER <= Integer.MAX_VALUE);
    assertThrows(
        IllegalArgumentException.class,
        () -> new ModelParams(64, 1, 4, ModelParams.MAX_INNER + 1, 16, 512));
    assertThrows(IllegalArgumentException.class, () -> new ModelParams(65, 1, 4, 64, 16, 512));
  }

  @Test
  void presetSizes() {
    assertEquals(ModelParams.TINY, ModelParams.preset("tiny"));
    assertEquals(ModelParams.CPU_SMALL, ModelParams.preset("CPU-SMALL"));
    long large = ModelParams.GPU_LARGE.weightBytes();
    assertTrue(large > 6_000_000_000L && large < 8_000_000_000L, "gpu-large bytes " + large);
    assertEquals(
        64L * (4 * 256 * 256 + 2 * 256 * 1024) + 2L * 64 * 64 * 256,
        ModelParams.CPU_SMALL.layerMacs());
    assertThrows(IllegalArgumentException.class, () -> ModelParams.preset("huge"));
  }
}
