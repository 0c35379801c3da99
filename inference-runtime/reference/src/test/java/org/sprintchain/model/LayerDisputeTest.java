package org.sprintchain.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LayerDisputeTest {
  private static final ModelParams P = ModelParams.TINY;
  private static final byte[] SEED = Sha256.of(new byte[] {7});
  private static final byte[] KEY = Sha256.of(new byte[] {8});

  @Test
  void eachBlockCanBeReplayedAloneFromItsInputResidual() {
    ModelTrace trace;
    try (SprintModel model = new ScalarBackend().load(P, SEED)) {
      trace = model.recompute(KEY, 42);
    }
    int[] x = LayerDispute.embedding(P, SEED, KEY, 42);
    assertArrayEquals(trace.layerHashes().get(0), Sha256.ofInts(x, 0, x.length));
    for (int l = 0; l < P.layers(); l++) {
      LayerDispute.Evaluation e =
          LayerDispute.evaluateLayer(P, SEED, l, x, LayerDispute.blockCost(P));
      assertEquals(LayerDispute.Outcome.EVALUATED, e.outcome());
      assertArrayEquals(trace.layerHashes().get(l), e.inputHash());
      assertArrayEquals(trace.layerHashes().get(l + 1), e.outputHash());
      x = e.residualOut();
    }
    assertArrayEquals(trace.digest(), LayerDispute.finalDigest(P, x));
  }

  @Test
  void aTamperedResidualIsNarrowedToItsLayer() {
    ModelTrace honest;
    try (SprintModel model = new ScalarBackend().load(P, SEED)) {
      honest = model.recompute(KEY, 1);
    }
    int[] x = LayerDispute.embedding(P, SEED, KEY, 1);
    x = LayerDispute.evaluateLayer(P, SEED, 0, x, Long.MAX_VALUE).residualOut();
    x[17] += 1; // a cheat's off-by-one in block 0's output
    LayerDispute.Evaluation next = LayerDispute.evaluateLayer(P, SEED, 1, x, Long.MAX_VALUE);
    ModelTrace cheat =
        new ModelTrace(
            honest.digest(),
            java.util.List.of(honest.layerHashes().get(0), next.inputHash(), next.outputHash()));
    assertEquals(1, LayerDispute.firstDivergence(honest, cheat));
    assertEquals(-1, LayerDispute.firstDivergence(honest, honest));
  }

  @Test
  void refusesOverBudgetAndMalformedInput() {
    int[] x = new int[P.seqLen() * P.dModel()];
    assertEquals(
        LayerDispute.Outcome.OVER_BUDGET,
        LayerDispute.evaluateLayer(P, SEED, 0, x, LayerDispute.blockCost(P) - 1).outcome());
    assertEquals(
        LayerDispute.Outcome.MALFORMED_INPUT,
        LayerDispute.evaluateLayer(P, SEED, P.layers(), x, Long.MAX_VALUE).outcome());
    assertEquals(
        LayerDispute.Outcome.MALFORMED_INPUT,
        LayerDispute.evaluateLayer(P, SEED, 0, new int[3], Long.MAX_VALUE).outcome());
  }
}
