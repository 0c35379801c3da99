package org.sprintchain.minilm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.sprintchain.minilm.engine.MatmulKernel;

/**
 * Bit-exactness: the same sentence gives the same bytes however often and in whatever order it is
 * encoded, and three golden digests pin the whole pipeline (tokenizer, weights, arithmetic). A
 * golden digest changes only when the spec in docs/minilm.md changes on purpose.
 */
class MiniLmDeterminismTest {
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

  @Test
  void repeatedAndReorderedEncodingsAreIdentical() {
    MiniLmEncoder encoder = TestModel.encoder();
    List<String> sentences = List.of(GOLDEN[0][0], GOLDEN[1][0], GOLDEN[2][0]);
    List<EmbeddingResult> forward = new ArrayList<>();
    for (String s : sentences) {
      forward.add(encoder.encode(s));
    }
    for (int i = sentences.size() - 1; i >= 0; i--) {
      assertEquals(forward.get(i), encoder.encode(sentences.get(i)));
      assertEquals(forward.get(i), encoder.encode(sentences.get(i)));
    }
  }

  @Test
  void goldenDigests() {
    MiniLmEncoder encoder = TestModel.encoder();
    List<String> actual = new ArrayList<>();
    for (String[] g : GOLDEN) {
      actual.add(encoder.encode(g[0]).digestHex());
    }
    for (int i = 0; i < GOLDEN.length; i++) {
      assertEquals(GOLDEN[i][1], actual.get(i), "golden digest of: " + GOLDEN[i][0] + " " + actual);
    }
  }

  @Test
  void aSuppliedKernelServesEveryDenseLayerWithTheSameBits() {
    AtomicInteger packed = new AtomicInteger();
    MatmulKernel definition =
        (w, in, out) -> {
          packed.incrementAndGet();
          return new MatmulKernel.PackedWeights() {
            @Override
            public int in() {
              return in;
            }

            @Override
            public int out() {
              return out;
            }

            @Override
            public void accumulate(byte[] a, int rows, int[] acc) {
              for (int r = 0; r < rows; r++) {
                for (int n = 0; n < out; n++) {
                  for (int k = 0; k < in; k++) {
                    acc[r * out + n] += a[r * in + k] * w[n * in + k];
                  }
                }
              }
            }
          };
        };
    MiniLmEncoder encoder = MiniLmEncoder.loadBundled(definition);
    assertEquals(6 * 6, packed.get(), "one packed matrix per dense layer");
    assertEquals(GOLDEN[0][1], encoder.encode(GOLDEN[0][0]).digestHex());
  }

  @Test
  void normalizedEmbeddingHasUnitLength() {
    EmbeddingResult r = TestModel.encoder().encodeNormalized("The cat sat on the mat.");
    long squares = 0;
    for (int v : r.fixedPoint()) {
      squares += (long) v * v;
    }
    double norm = Math.sqrt(squares) / (1L << r.scaleShift());
    assertEquals(1.0, norm, 1e-6);
  }
}
