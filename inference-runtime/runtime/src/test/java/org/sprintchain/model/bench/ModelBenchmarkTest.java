package org.sprintchain.model.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelBenchmarkTest {
  @Test
  void shortRunReportsEveryCpuBackendAndTheRatio() {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    List<ModelBenchmark.Result> results =
        ModelBenchmark.run(
            ModelBenchmark.Options.parse(new String[] {"--preset", "tiny", "--seconds", "0.3"}),
            new PrintStream(buffer, true, StandardCharsets.UTF_8));
    String report = buffer.toString(StandardCharsets.UTF_8);
    assertTrue(report.contains("vector/scalar ratio"), report);
    assertTrue(report.contains("nonces/s"), report);
    assertTrue(results.stream().allMatch(r -> r.nonces() > 0), results::toString);
  }

  @Test
  void parsesAndRejectsArguments() {
    ModelBenchmark.Options o =
        ModelBenchmark.Options.parse(
            new String[] {"--preset", "cpu-small", "--backend", "cpu", "--seconds", "2"});
    assertEquals(new ModelBenchmark.Options("cpu-small", "cpu", 2), o);
    assertThrows(
        IllegalArgumentException.class,
        () -> ModelBenchmark.Options.parse(new String[] {"--preset", "huge"}));
    assertThrows(
        IllegalArgumentException.class,
        () -> ModelBenchmark.Options.parse(new String[] {"--seconds"}));
    assertTrue(ModelBenchmark.USAGE.contains("--backend"));
  }
}
