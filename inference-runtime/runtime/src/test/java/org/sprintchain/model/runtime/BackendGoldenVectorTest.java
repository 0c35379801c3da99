package org.sprintchain.model.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.sprintchain.model.ModelTrace;
import org.sprintchain.model.NonceDigest;
import org.sprintchain.model.NonceRange;
import org.sprintchain.model.SprintBackend;
import org.sprintchain.model.SprintModel;
import org.sprintchain.model.golden.GoldenVectors;

/**
 * Every backend available on this machine against the committed golden vectors of the presets with
 * full coverage (tiny, cpu-small). gpu-large is covered by weight and embedding checks only.
 */
class BackendGoldenVectorTest {
  @TestFactory
  Stream<DynamicTest> everyAvailableBackendReproducesTheGoldenVectors() {
    HexFormat hex = HexFormat.of();
    List<DynamicTest> tests = new ArrayList<>();
    for (SprintBackend backend : Backends.all()) {
      if (!backend.available()) {
        continue;
      }
      for (String preset : List.of("tiny", "cpu-small")) {
        GoldenVectors golden = GoldenVectors.load(preset);
        tests.add(
            DynamicTest.dynamicTest(
                backend.name() + " " + preset,
                () -> {
                  for (GoldenVectors.Case c : golden.cases()) {
                    try (SprintModel model = backend.load(golden.params(), c.seedBytes())) {
                      NonceDigest scored =
                          model
                              .score(c.pubkeyBytes(), new NonceRange(c.nonce(), 1))
                              .findFirst()
                              .orElseThrow();
                      assertEquals(c.digest(), scored.digestHex(), backend.name());
                      ModelTrace trace = model.recompute(c.pubkeyBytes(), c.nonce());
                      assertEquals(
                          c.layerHashes(),
                          trace.layerHashes().stream().map(hex::formatHex).toList());
                    }
                  }
                }));
      }
    }
    return tests.stream();
  }
}
