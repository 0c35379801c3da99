package org.sprintchain.model.cuda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sprintchain.model.ModelParams;
import org.sprintchain.model.NonceDigest;
import org.sprintchain.model.NonceRange;
import org.sprintchain.model.ScalarBackend;
import org.sprintchain.model.Sha256;
import org.sprintchain.model.SprintModel;
import org.sprintchain.model.TensorId;
import org.sprintchain.model.WeightStream;

/** Runs only where a CUDA device and libsprintmodel exist; skips cleanly elsewhere. */
class CudaBackendTest {
  private static final byte[] SEED = Sha256.of(new byte[] {3});
  private static final byte[] KEY = Sha256.of(new byte[] {4});

  @Test
  void unavailableBackendRefusesToLoadWithAClearMessage() {
    assumeTrue(!new CudaBackend().available(), "a GPU is present");
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class, () -> new CudaBackend().load(ModelParams.TINY, SEED));
    assertEquals(true, e.getMessage().contains("CUDA"));
  }

  @Test
  void deviceWeightsEqualTheReferenceStream() {
    assumeTrue(new CudaBackend().available(), "no CUDA device or libsprintmodel");
    try (CudaSprintModel model = (CudaSprintModel) new CudaBackend().load(ModelParams.TINY, SEED)) {
      WeightStream stream = new WeightStream(SEED);
      int w2 = TensorId.layer(1, TensorId.W2);
      byte[] expected = new byte[333];
      stream.fill(w2, 1001, expected, 0, expected.length);
      assertArrayEquals(expected, model.deviceWeights(w2, 1001, expected.length));
    }
  }

  @Test
  void digestsAndLayerHashesEqualTheReference() {
    assumeTrue(new CudaBackend().available(), "no CUDA device or libsprintmodel");
    ModelParams p = ModelParams.TINY;
    try (SprintModel gpu = new CudaBackend().load(p, SEED);
        SprintModel cpu = new ScalarBackend().load(p, SEED)) {
      NonceRange range = new NonceRange(0, 37);
      List<NonceDigest> expected = cpu.score(KEY, range).toList();
      assertEquals(expected, gpu.score(KEY, range).toList());
      List<byte[]> a = cpu.recompute(KEY, 5).layerHashes();
      List<byte[]> b = gpu.recompute(KEY, 5).layerHashes();
      for (int l = 0; l < a.size(); l++) {
        assertArrayEquals(a.get(l), b.get(l));
      }
    }
  }
}
