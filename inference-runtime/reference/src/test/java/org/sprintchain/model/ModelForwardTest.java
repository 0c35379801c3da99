package org.sprintchain.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelForwardTest {
  private static final ModelParams P = ModelParams.TINY;
  private static final byte[] SEED = Sha256.of(new byte[] {1});
  private static final byte[] KEY = Sha256.of(new byte[] {2});
  private static final ModelWeights WEIGHTS = ModelWeights.generate(P, SEED);

  private static int[] tokens(long nonce) {
    return InputTokens.of(P, SEED, KEY, nonce);
  }

  @Test
  void aBatchGivesTheSameBytesAsSingleNonces() {
    List<ModelTrace> batch =
        new ModelForward(WEIGHTS, ScalarGemm.INSTANCE, 3)
            .run(new int[][] {tokens(0), tokens(1), tokens(2)}, true);
    for (int n = 0; n < 3; n++) {
      ModelTrace single =
          new ModelForward(WEIGHTS, ScalarGemm.INSTANCE, 1)
              .run(new int[][] {tokens(n)}, true)
              .get(0);
      assertArrayEquals(single.digest(), batch.get(n).digest());
      assertEquals(P.layers() + 1, single.layerHashes().size());
      for (int l = 0; l <= P.layers(); l++) {
        assertArrayEquals(single.layerHashes().get(l), batch.get(n).layerHashes().get(l));
      }
    }
  }

  @Test
  void scoringStreamMatchesRecompute() {
    try (SprintModel model = new ScalarBackend().load(P, SEED)) {
      long[] seen = new long[1];
      List<NonceDigest> scored =
          model.score(KEY, new NonceRange(5, 4), (done, total) -> seen[0] = done).toList();
      assertEquals(4, scored.size());
      assertEquals(4, seen[0]);
      for (NonceDigest nd : scored) {
        assertArrayEquals(model.recompute(KEY, nd.nonce()).digest(), nd.digest());
      }
      assertFalse(Arrays.equals(scored.get(0).digest(), scored.get(1).digest()));
    }
  }

  @Test
  void inputsDependOnSeedKeyAndNonce() {
    assertFalse(Arrays.equals(tokens(0), tokens(1)));
    assertFalse(Arrays.equals(tokens(0), InputTokens.of(P, KEY, KEY, 0)));
    assertFalse(Arrays.equals(tokens(0), InputTokens.of(P, SEED, SEED, 0)));
    for (int t : tokens(9)) {
      assertTrue(t >= 0 && t < P.vocab());
    }
  }

  @Test
  void softmaxRowsSumToAbout127AndPeakAtTheMaximum() {
    int[] scores = {0, 5000, -3000, 4990, 100};
    byte[] p = new byte[5];
    ModelForward.softmaxRow(scores, 0, 5, FixedPoint.softmaxDivisor(16), p, 0, new long[5]);
    int sum = 0;
    for (byte b : p) {
      sum += b;
      assertTrue(b >= 0);
    }
    assertTrue(sum >= 122 && sum <= 127, "sum " + sum);
    assertTrue(p[1] >= p[3] && p[3] > p[0] && p[0] >= p[2], Arrays.toString(p));
  }

  @Test
  void reluSquaredStaysInt8() {
    assertEquals(0, ModelForward.reluSquared(-127));
    assertEquals(0, ModelForward.reluSquared(7));
    assertEquals(1, ModelForward.reluSquared(8));
    assertEquals(126, ModelForward.reluSquared(127));
  }

  @Test
  void rejectsOversizedBatchesAndBadSeeds() {
    ModelForward forward = new ModelForward(WEIGHTS, ScalarGemm.INSTANCE, 1);
    assertThrows(
        IllegalArgumentException.class,
        () -> forward.run(new int[][] {tokens(0), tokens(1)}, false));
    assertThrows(IllegalArgumentException.class, () -> new ScalarBackend().load(P, new byte[31]));
  }

  @Test
  void winConditionIsUnsignedBigEndianLessThan() {
    byte[] target = new byte[32];
    target[0] = 0x10;
    byte[] low = new byte[32];
    low[0] = 0x0F;
    low[31] = (byte) 0xFF;
    byte[] high = new byte[32];
    high[0] = (byte) 0x90;
    assertTrue(WinCondition.wins(low, target));
    assertFalse(WinCondition.wins(high, target));
    assertFalse(WinCondition.wins(target, target));
  }
}
