package org.sprintchain.minilm;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Quality against ONNX Runtime on the same int8 ONNX file: the cosine between our integer
 * mean-pooled embedding and ORT's float one, per corpus sentence. Writes min, mean, the worst
 * sentence and both engines' embeddings/s to target/minilm-quality.json.
 *
 * <p>Why not "every sentence ≥ 0.99": the export re-quantises every activation tensor to uint8 with
 * a data-dependent scale, so a 1e-7 difference before rounding can flip a code by one step, and the
 * flips compound over 24 quantisations. A float64 re-implementation of the same graph is itself
 * only 0.9927 from ORT on its worst sentence of this corpus. So: at most 1% of sentences may fall
 * in [0.985, 0.99), none below 0.985, and the mean must be at least 0.999.
 *
 * <p>The oracle is no steadier: ONNX Runtime 1.29.0 (this test's) and 1.31.1 agree with each other
 * only to 0.98821 on the worst sentence here (the Thai greeting), where this engine scores 0.98817
 * against 1.29.0 and 0.99998 against 1.31.1 (min 0.99423 over the corpus); see docs/minilm.md §5.
 */
class MiniLmQualityIntegrationTest {
  static final double MIN_COSINE = 0.99;
  static final double FLOOR_COSINE = 0.985;
  static final double MIN_MEAN = 0.999;

  @Test
  void everySentenceMatchesTheOracle() throws Exception {
    String[] whyNot = new String[1];
    Optional<OnnxRuntimeOracle> maybe = OnnxRuntimeOracle.open(whyNot);
    assumeTrue(maybe.isPresent(), () -> whyNot[0]);
    MiniLmEncoder encoder = TestModel.encoder();
    List<String> corpus = TestModel.corpus();
    List<String> below = new ArrayList<>();
    double min = 2;
    double sum = 0;
    String worst = "";
    long tokens = 0;
    long oursNanos = 0;
    long theirsNanos = 0;
    try (OnnxRuntimeOracle oracle = maybe.get()) {
      for (String sentence : corpus) {
        long t0 = System.nanoTime();
        EmbeddingResult ours = encoder.encode(sentence);
        long t1 = System.nanoTime();
        double[] theirs = oracle.meanPooled(ours.tokenIds());
        theirsNanos += System.nanoTime() - t1;
        oursNanos += t1 - t0;
        double cos =
            OnnxRuntimeOracle.cosine(
                OnnxRuntimeOracle.toDouble(ours.fixedPoint(), ours.scaleShift()), theirs);
        tokens += ours.tokenIds().length;
        sum += cos;
        if (cos < min) {
          min = cos;
          worst = sentence;
        }
        if (!(cos >= MIN_COSINE)) {
          below.add(String.format(Locale.ROOT, "%.5f  %s", cos, sentence));
        }
      }
    }
    double mean = sum / corpus.size();
    String json =
        String.format(
            Locale.ROOT,
            "{\"sentences\": %d, \"tokens\": %d, \"cosineMin\": %.6f, \"cosineMean\": %.6f,"
                + " \"below099\": %d, \"integerEmbeddingsPerSecond\": %.1f,"
                + " \"onnxRuntimeEmbeddingsPerSecond\": %.1f, \"worst\": \"%s\","
                + " \"modelSha256\": \"%s\"}%n",
            corpus.size(),
            tokens,
            min,
            mean,
            below.size(),
            corpus.size() * 1e9 / oursNanos,
            corpus.size() * 1e9 / theirsNanos,
            worst.replace("\\", "\\\\").replace("\"", "\\\""),
            encoder.modelHashHex());
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "minilm-quality.json"), json, StandardCharsets.UTF_8);
    System.out.print("minilm quality: " + json);
    String detail = "sentences below " + MIN_COSINE + ":\n" + String.join("\n", below);
    assertTrue(min >= FLOOR_COSINE, () -> "cosine below " + FLOOR_COSINE + "; " + detail);
    assertTrue(below.size() * 100 <= corpus.size(), () -> "more than 1% " + detail);
    assertTrue(mean >= MIN_MEAN, () -> "mean cosine " + mean + " below " + MIN_MEAN);
  }
}
