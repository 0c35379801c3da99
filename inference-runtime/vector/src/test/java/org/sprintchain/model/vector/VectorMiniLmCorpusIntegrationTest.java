package org.sprintchain.model.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sprintchain.minilm.MiniLmEncoder;

/**
 * All 215 sentences of sprint-minilm's quality corpus (short and long, 15+ languages, up to the
 * 128-token limit, so every row tail of the register tile occurs): the vector kernel's output
 * digests equal the default kernel's, sentence by sentence.
 */
class VectorMiniLmCorpusIntegrationTest {
  private static final String CORPUS = "org/sprintchain/minilm/quality-corpus.txt";

  @Test
  void everyCorpusSentenceHasTheDefaultKernelsDigest() throws IOException {
    List<String> corpus = corpus();
    assertEquals(215, corpus.size());
    MiniLmEncoder scalar = MiniLmEncoder.loadBundled();
    MiniLmEncoder vector = MiniLmEncoder.loadBundled(new VectorMatmulKernel());
    List<String> mismatches = new ArrayList<>();
    for (String s : corpus) {
      String expected = scalar.encode(s).digestHex();
      if (!expected.equals(vector.encode(s).digestHex())) {
        mismatches.add(s);
      }
    }
    assertEquals(List.of(), mismatches);
  }

  private static List<String> corpus() throws IOException {
    try (InputStream in =
        VectorMiniLmCorpusIntegrationTest.class.getClassLoader().getResourceAsStream(CORPUS)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + CORPUS);
      }
      List<String> out = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1)) {
        if (!line.isBlank() && !line.startsWith("#")) {
          out.add(line);
        }
      }
      return out;
    }
  }
}
