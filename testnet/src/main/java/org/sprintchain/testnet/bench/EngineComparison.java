package org.sprintchain.testnet.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.sprintchain.testnet.AppLauncher;

/**
 * Part 1 of {@code bench inference}: runs {@code org.sprintchain.minilm.bench.EngineVsOrtBenchmark}
 * in its own JVM from {@code inference-runtime/minilm-bench/target/lib} (which {@code bin/sprint
 * build} fills), so ONNX Runtime stays off this JVM's and the nodes' class path, and reads the one
 * JSON object it prints. The integer engine is measured twice, with its default matmul kernel
 * ({@code integer}) and with the Vector API kernel ({@code integer-vector}, same bits); {@code
 * ratios} holds, at each thread count, ONNX Runtime over the default kernel, vector over default,
 * and ONNX Runtime over vector.
 */
final class EngineComparison {
  static final String MAIN_CLASS = "org.sprintchain.minilm.bench.EngineVsOrtBenchmark";
  static final String INTEGER = "integer";
  static final String INTEGER_VECTOR = "integer-vector";
  static final String ONNXRUNTIME = "onnxruntime";
  static final Path LIB = Path.of("inference-runtime", "minilm-bench", "target", "lib");
  private static final long TIMEOUT_MINUTES = 30;
  private static final ObjectMapper JSON = new ObjectMapper();

  private EngineComparison() {}

  /**
   * Runs the engine benchmark under {@code root}; progress lines go to {@code log}.
   *
   * @throws IllegalStateException when the tool is not built, fails, or prints no JSON
   */
  static ObjectNode run(Path root, InferenceBenchOptions o, Consumer<String> log) {
    Path lib = root.resolve(LIB);
    if (!hasToolJar(lib)) {
      throw new IllegalStateException(
          lib + " is missing or incomplete; run 'bin/sprint build' (it builds minilm-bench)");
    }
    List<String> cmd = command(AppLauncher.currentJvm().javaBinary(), lib, o);
    log.accept("running " + String.join(" ", cmd));
    String json = null;
    List<String> tail = new ArrayList<>();
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      try (BufferedReader r =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          if (line.startsWith("{")) {
            json = line;
          } else {
            log.accept(line);
            tail.add(line);
          }
        }
      }
      if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new IllegalStateException(
            "the engine benchmark ran over " + TIMEOUT_MINUTES + " min");
      }
      if (p.exitValue() != 0 || json == null) {
        throw new IllegalStateException(
            "the engine benchmark exited with "
                + p.exitValue()
                + (tail.isEmpty() ? "" : ": " + tail.get(tail.size() - 1)));
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run the engine benchmark: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    return withRatios(json);
  }

  private static boolean hasToolJar(Path lib) {
    if (!Files.isDirectory(lib)) {
      return false;
    }
    try (var files = Files.list(lib)) {
      return files.anyMatch(f -> f.getFileName().toString().startsWith("sprint-minilm-bench-"));
    } catch (IOException e) {
      return false;
    }
  }

  static List<String> command(String java, Path lib, InferenceBenchOptions o) {
    List<String> cmd = new ArrayList<>();
    cmd.add(java);
    if (Runtime.version().feature() >= 24) {
      // protobuf uses sun.misc.Unsafe; JDK 21 rejects this flag, so only where it exists
      cmd.add("--sun-misc-unsafe-memory-access=allow");
    }
    cmd.add("--enable-native-access=ALL-UNNAMED"); // ONNX Runtime loads its native library
    cmd.add("--add-modules"); // the integer engine's Vector API kernel
    cmd.add("jdk.incubator.vector");
    cmd.add("-cp");
    cmd.add(lib.toAbsolutePath() + "/*");
    cmd.add(MAIN_CLASS);
    cmd.addAll(List.of("--warmup", "1", "--rounds", Integer.toString(o.engineRounds())));
    cmd.addAll(List.of("--threads", Integer.toString(o.threads())));
    if (o.engineLimit() > 0) {
      cmd.addAll(List.of("--limit", Integer.toString(o.engineLimit())));
    }
    return cmd;
  }

  /**
   * Parses the tool's JSON and sets {@code ratios: [{threads, onnxruntime_over_integer,
   * vector_over_scalar, onnxruntime_over_vector}]}, each ratio only where both rows exist (the tool
   * prints the same ratios unrounded; these are rounded for the summary and recomputed from the
   * rows, so they always match them).
   */
  static ObjectNode withRatios(String json) {
    ObjectNode o;
    try {
      o = (ObjectNode) JSON.readTree(json);
    } catch (IOException | ClassCastException e) {
      throw new IllegalStateException("the engine benchmark printed no JSON object: " + json, e);
    }
    ArrayNode ratios = JSON.createArrayNode();
    for (JsonNode integer : o.path("results")) {
      if (!integer.path("engine").asText().equals(INTEGER)) {
        continue;
      }
      int threads = integer.path("threads").asInt();
      double scalar = integer.path("embeddings_per_s").asDouble();
      double vector = perSecond(o, INTEGER_VECTOR, threads);
      double ort = perSecond(o, ONNXRUNTIME, threads);
      ObjectNode r = JSON.createObjectNode().put("threads", threads);
      if (ort > 0 && scalar > 0) {
        r.put("onnxruntime_over_integer", Math.round(ort / scalar * 10.0) / 10.0);
      }
      if (vector > 0 && scalar > 0) {
        r.put("vector_over_scalar", Math.round(vector / scalar * 100.0) / 100.0);
      }
      if (ort > 0 && vector > 0) {
        r.put("onnxruntime_over_vector", Math.round(ort / vector * 10.0) / 10.0);
      }
      if (r.size() > 1) {
        ratios.add(r);
      }
    }
    o.set("ratios", ratios);
    return o;
  }

  /** Embeddings/s of {@code engine} at {@code threads}; 0 when it was not measured. */
  private static double perSecond(JsonNode o, String engine, int threads) {
    for (JsonNode r : o.path("results")) {
      if (r.path("engine").asText().equals(engine) && r.path("threads").asInt() == threads) {
        return r.path("embeddings_per_s").asDouble();
      }
    }
    return 0;
  }

  /** Summary lines: one per engine and thread count, then the ratios. */
  static List<String> summary(JsonNode o) {
    List<String> lines = new ArrayList<>();
    lines.add(
        String.format(
            Locale.ROOT,
            "  corpus    %d sentences, %d tokens; 1 warm-up + median of %d rounds; one sentence"
                + " per call",
            o.path("sentences").asInt(),
            o.path("tokens").asLong(),
            o.path("rounds").asInt()));
    lines.add(String.format(Locale.ROOT, "  %-14s %8s %14s", "engine", "threads", "embeddings/s"));
    for (JsonNode r : o.path("results")) {
      lines.add(
          String.format(
              Locale.ROOT,
              "  %-14s %8d %14.2f",
              r.path("engine").asText(),
              r.path("threads").asInt(),
              r.path("embeddings_per_s").asDouble()));
    }
    for (JsonNode r : o.path("ratios")) {
      int threads = r.path("threads").asInt();
      if (r.has("vector_over_scalar")) {
        lines.add(
            String.format(
                Locale.ROOT,
                "  ratio     integer-vector / integer = %.2fx at %d thread(s)",
                r.path("vector_over_scalar").asDouble(),
                threads));
      }
      if (r.has("onnxruntime_over_integer")) {
        lines.add(
            String.format(
                Locale.ROOT,
                "  ratio     ONNX Runtime / integer = %.1fx at %d thread(s)",
                r.path("onnxruntime_over_integer").asDouble(),
                threads));
      }
      if (r.has("onnxruntime_over_vector")) {
        lines.add(
            String.format(
                Locale.ROOT,
                "  ratio     ONNX Runtime / integer-vector = %.1fx at %d thread(s)",
                r.path("onnxruntime_over_vector").asDouble(),
                threads));
      }
    }
    if (!o.path("onnxruntime").asText().equals("ok")) {
      lines.add("  onnxruntime " + o.path("onnxruntime").asText());
    }
    String vector = o.path("vector").asText("");
    if (!vector.isEmpty() && !vector.equals("ok")) {
      lines.add("  vector    " + vector);
    }
    JsonNode same = o.path("multi_thread_bit_identical");
    if (!same.isNull() && !same.isMissingNode()) {
      lines.add(
          "  bits      multi-thread outputs identical to single-thread: "
              + same.asBoolean()
              + "; corpus digest "
              + o.path("corpus_digest").asText());
    }
    JsonNode vectorSame = o.path("vector_bit_identical");
    if (!vectorSame.isNull() && !vectorSame.isMissingNode()) {
      lines.add(
          "  bits      vector kernel outputs identical to the default kernel's: "
              + vectorSame.asBoolean());
    }
    lines.add("  cuda      " + o.path("cuda").asText("no CUDA backend for MiniLM"));
    return lines;
  }
}
