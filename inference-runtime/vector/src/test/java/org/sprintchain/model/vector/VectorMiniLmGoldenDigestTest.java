package org.sprintchain.model.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sprintchain.minilm.MiniLmEncoder;

/**
 * The whole MiniLM encoder with the vector kernel reproduces the golden digests of the spec
 * (docs/minilm.md §6, pinned for the default kernel by sprint-minilm's MiniLmDeterminismTest), and
 * every layer's hidden state of the default kernel.
 */
class VectorMiniLmGoldenDigestTest {
  /** Copied from MiniLmDeterminismTest: a golden digest changes only when the spec does. */
  static final String[][] GOLDEN = {
    {"Hello world", "0dbdb6b8901420f403a4bf2a265254843da1a82f2abed6af8df09f019b6be326"},
    {
      "Validators must recompute every sampled inference job bit for bit.",
      "c61533a989b2801e30187ee763b091b7d9a6e7ebc99c5b647dfad840586b63f7"
    },
    {
      "Où est la gare, s'il vous plaît ? 你好",
      "27a92b13141e662428cb02f2dd8e3ada34662808d6c29b3e513ac67587c3eca0"
    },
  };

  private static MiniLmEncoder vector;

  static synchronized MiniLmEncoder vectorEncoder() {
    if (vector == null) {
      vector = MiniLmEncoder.loadBundled(new VectorMatmulKernel());
    }
    return vector;
  }

  @Test
  void goldenDigests() {
    for (String[] g : GOLDEN) {
      assertEquals(g[1], vectorEncoder().encode(g[0]).digestHex(), "golden digest of: " + g[0]);
    }
  }

  @Test
  void everyLayerEqualsTheDefaultKernels() {
    MiniLmEncoder scalar = MiniLmEncoder.loadBundled();
    int[] ids = scalar.tokenize(GOLDEN[1][0]);
    List<long[]> expected = scalar.hiddenStates(ids);
    List<long[]> actual = vectorEncoder().hiddenStates(ids);
    assertEquals(expected.size(), actual.size());
    for (int l = 0; l < expected.size(); l++) {
      assertArrayEquals(expected.get(l), actual.get(l), "hidden state " + l);
    }
    assertEquals(
        scalar.encodeNormalized(GOLDEN[2][0]), vectorEncoder().encodeNormalized(GOLDEN[2][0]));
  }
}
