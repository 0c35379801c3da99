package org.sprintchain.minilm.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class EngineVsOrtBenchmarkTest {
  private static EngineVsOrtBenchmark.Row row(String engine, int threads, double median) {
    return new EngineVsOrtBenchmark.Row(engine, threads, median, new double[] {median});
  }

  private static String json(List<EngineVsOrtBenchmark.Row> rows) {
    return EngineVsOrtBenchmark.json(
        new EngineBenchOptions(1, 1, 10, 2, false, false, false),
        10,
        120,
        new EngineVsOrtBenchmark.Bits("ab", true, true),
        new EngineVsOrtBenchmark.Engines("ok", 16, "ok"),
        rows);
  }

  @Test
  void ratiosAtEachThreadCountCompareVectorWithScalarAndOrtWithBoth() {
    String json =
        json(
            List.of(
                row("integer", 1, 30),
                row("integer-vector", 1, 60),
                row("onnxruntime", 1, 600),
                row("integer", 2, 50),
                row("integer-vector", 2, 125),
                row("onnxruntime", 2, 1000)));
    assertTrue(
        json.contains(
            "\"ratios\": [{\"threads\": 1, \"vector_over_scalar\": 2.00,"
                + " \"onnxruntime_over_vector\": 10.00, \"onnxruntime_over_scalar\": 20.00},"
                + " {\"threads\": 2, \"vector_over_scalar\": 2.50,"
                + " \"onnxruntime_over_vector\": 8.00, \"onnxruntime_over_scalar\": 20.00}]"),
        json);
    assertTrue(json.contains("\"vector_lanes\": 16, \"vector_bit_identical\": true"), json);
  }

  @Test
  void aMissingEngineLeavesItsRatiosNull() {
    String json = json(List.of(row("integer", 1, 30), row("onnxruntime", 1, 600)));
    assertTrue(
        json.contains(
            "\"ratios\": [{\"threads\": 1, \"vector_over_scalar\": null,"
                + " \"onnxruntime_over_vector\": null, \"onnxruntime_over_scalar\": 20.00}]"),
        json);
    assertTrue(json(List.of(row("integer", 1, 30))).endsWith("\"ratios\": []}"));
  }
}
