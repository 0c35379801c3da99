package org.sprintchain.model.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.sprintchain.model.ModelTrace;
import org.sprintchain.model.NonceRange;
import org.sprintchain.model.SprintModel;
import org.sprintchain.model.golden.GoldenVectors;

/** The vector backend reproduces every committed full-coverage golden vector. */
class VectorGoldenVectorTest {
  @TestFactory
  Stream<DynamicTest> vectorBackendMatchesGoldenVectors() {
    HexFormat hex = HexFormat.of();
    List<DynamicTest> tests = new ArrayList<>();
    for (String preset : List.of("tiny", "cpu-small")) {
      GoldenVectors golden = GoldenVectors.load(preset);
      for (GoldenVectors.Case c : golden.cases()) {
        tests.add(
            DynamicTest.dynamicTest(
                preset + " nonce " + c.nonce(),
                () -> {
                  try (SprintModel model =
                      new VectorBackend().load(golden.params(), c.seedBytes())) {
                    ModelTrace trace = model.recompute(c.pubkeyBytes(), c.nonce());
                    assertEquals(c.digest(), hex.formatHex(trace.digest()));
                    assertEquals(
                        c.layerHashes(), trace.layerHashes().stream().map(hex::formatHex).toList());
                    assertEquals(
                        c.digest(),
                        model
                            .score(c.pubkeyBytes(), new NonceRange(c.nonce(), 1))
                            .findFirst()
                            .orElseThrow()
                            .digestHex());
                  }
                }));
      }
    }
    return tests.stream();
  }
}
