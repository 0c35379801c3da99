package org.sprintchain.model.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.sprintchain.model.InputTokens;
import org.sprintchain.model.LayerDispute;
import org.sprintchain.model.ModelParams;
import org.sprintchain.model.ModelTrace;
import org.sprintchain.model.ScalarBackend;
import org.sprintchain.model.Sha256;
import org.sprintchain.model.SprintModel;
import org.sprintchain.model.WeightStream;

/** The scalar reference against the committed vectors (it generated them; this pins the spec). */
class ScalarGoldenVectorTest {
  private static final HexFormat HEX = HexFormat.of();

  @TestFactory
  Stream<DynamicTest> committedVectorsMatchTheReference() {
    List<DynamicTest> tests = new ArrayList<>();
    for (String preset : GoldenVectors.PRESETS) {
      GoldenVectors golden = GoldenVectors.load(preset);
      ModelParams p = golden.params();
      assertEquals(ModelParams.preset(preset), p);
      for (GoldenVectors.Case c : golden.cases()) {
        tests.add(
            DynamicTest.dynamicTest(
                preset + " seed " + c.seed().substring(0, 8) + " nonce " + c.nonce(),
                () -> checkCase(golden, c)));
      }
      tests.add(
          DynamicTest.dynamicTest(
              preset + " weight spot checks",
              () -> {
                for (GoldenVectors.WeightCheck w : golden.weights()) {
                  WeightStream stream = new WeightStream(HEX.parseHex(w.seed()));
                  assertEquals(w.value(), stream.weight(w.tensor(), w.element()), w.toString());
                }
              }));
    }
    return tests.stream();
  }

  private static void checkCase(GoldenVectors golden, GoldenVectors.Case c) {
    ModelParams p = golden.params();
    int[] tokens = InputTokens.of(p, c.seedBytes(), c.pubkeyBytes(), c.nonce());
    for (int t = 0; t < c.tokensHead().size(); t++) {
      assertEquals(c.tokensHead().get(t), tokens[t], "token " + t);
    }
    int[] x = LayerDispute.embedding(p, c.seedBytes(), c.pubkeyBytes(), c.nonce());
    assertEquals(c.layerHashes().get(0), HEX.formatHex(Sha256.ofInts(x, 0, x.length)));
    if (golden.full()) {
      try (SprintModel model = new ScalarBackend().load(p, c.seedBytes())) {
        ModelTrace trace = model.recompute(c.pubkeyBytes(), c.nonce());
        assertEquals(c.digest(), HEX.formatHex(trace.digest()));
        assertEquals(c.layerHashes(), trace.layerHashes().stream().map(HEX::formatHex).toList());
      }
    }
  }
}
