package org.sprintchain.minilm;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.onnxruntime.OrtSession.SessionOptions.OptLevel;
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
 * <p>The oracle is ORT running the graph as written ({@code BASIC_OPT}): every sentence must reach
 * 0.99 and the mean 0.999. ORT's default session ({@code ALL_OPT}) swaps in fused LayerNorm, GELU
 * and attention kernels that round differently; because the export re-quantises every activation to
 * uint8 with a data-dependent scale, a one-ulp difference can flip codes, and on this corpus ORT's
 * fused graph agrees with its own unfused graph only to 0.9882 (the Thai greeting). The fused
 * figures are reported too and held to a floor of 0.985 and a mean of 0.999; see docs/minilm.md §5.
 */
class MiniLmQualityIntegrationTest {
  static final double MIN_COSINE = 0.99;
  static final double FUSED_FLOOR_COSINE = 0.985;
  static final double MIN_MEAN = 0.999;

  /** Cosines of one oracle over the corpus. */
  private record Scores(double min, double mean, String worst, List<String> below, long nanos) {
    String json() {
      return String.format(
          Locale.ROOT,
          "{\"cosineMin\": %.6f, \"cosineMean\": %.6f, \"below099\": %d, \"worst\": \"%s\"}",
          min,
          mean,
          below.size(),
          worst.replace("\\", "\\\\").replace("\"", "\\\""));
    }
  }

  @Test
  void everySentenceMatchesTheOracle() throws Exception {
    String[] whyNot = new String[1];
    Optional<OnnxRuntimeOracle> asWritten = OnnxRuntimeOracle.open(OptLevel.BASIC_OPT, whyNot);
    assumeTrue(asWritten.isPresent(), () -> whyNot[0]);
    Optional<OnnxRuntimeOracle> fused = OnnxRuntimeOracle.open(OptLevel.ALL_OPT, whyNot);
    assumeTrue(fused.isPresent(), () -> whyNot[0]);
    MiniLmEncoder encoder = TestModel.encoder();
    List<String> corpus = TestModel.corpus();
    List<EmbeddingResult> ours = new ArrayList<>();
    long tokens = 0;
    long t0 = System.nanoTime();
    for (String sentence : corpus) {
      EmbeddingResult r = encoder.encode(sentence);
      ours.add(r);
      tokens += r.tokenIds().length;
    }
    long oursNanos = System.nanoTime() - t0;
    Scores strict;
    Scores loose;
    try (OnnxRuntimeOracle a = asWritten.get();
        OnnxRuntimeOracle b = fused.get()) {
      strict = score(a, corpus, ours);
      loose = score(b, corpus, ours);
    }
    String json =
        String.format(
            Locale.ROOT,
            "{\"sentences\": %d, \"tokens\": %d, \"cosineMin\": %.6f, \"cosineMean\": %.6f,"
                + " \"below099\": %d, \"worst\": \"%s\", \"oracle\": \"onnxruntime BASIC_OPT\","
                + " \"fusedOracle\": %s, \"integerEmbeddingsPerSecond\": %.1f,"
                + " \"onnxRuntimeEmbeddingsPerSecond\": %.1f, \"modelSha256\": \"%s\"}%n",
            corpus.size(),
            tokens,
            strict.min(),
            strict.mean(),
            strict.below().size(),
            strict.worst().replace("\\", "\\\\").replace("\"", "\\\""),
            loose.json(),
            corpus.size() * 1e9 / oursNanos,
            corpus.size() * 1e9 / loose.nanos(),
            encoder.modelHashHex());
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "minilm-quality.json"), json, StandardCharsets.UTF_8);
    System.out.print("minilm quality: " + json);
    assertTrue(
        strict.below().isEmpty(),
        () -> "sentences below " + MIN_COSINE + ":\n" + String.join("\n", strict.below()));
    assertTrue(strict.mean() >= MIN_MEAN, () -> "mean cosine " + strict.mean());
    assertTrue(loose.min() >= FUSED_FLOOR_COSINE, () -> "fused-graph cosine " + loose.json());
    assertTrue(loose.mean() >= MIN_MEAN, () -> "fused-graph mean cosine " + loose.json());
  }

  private static Scores score(
      OnnxRuntimeOracle oracle, List<String> corpus, List<EmbeddingResult> ours) throws Exception {
    double min = 2;
    double sum = 0;
    String worst = "";
    List<String> below = new ArrayList<>();
    long nanos = 0;
    for (int i = 0; i < corpus.size(); i++) {
      EmbeddingResult r = ours.get(i);
      long t0 = System.nanoTime();
      double[] theirs = oracle.meanPooled(r.tokenIds());
      nanos += System.nanoTime() - t0;
      double cos =
          OnnxRuntimeOracle.cosine(
              OnnxRuntimeOracle.toDouble(r.fixedPoint(), r.scaleShift()), theirs);
      sum += cos;
      if (cos < min) {
        min = cos;
        worst = corpus.get(i);
      }
      if (!(cos >= MIN_COSINE)) {
        below.add(String.format(Locale.ROOT, "%.5f  %s", cos, corpus.get(i)));
      }
    }
    return new Scores(min, sum / corpus.size(), worst, below, nanos);
  }
}
