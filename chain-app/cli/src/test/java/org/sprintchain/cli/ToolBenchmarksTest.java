package org.sprintchain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToolBenchmarksTest {
  @TempDir Path home;

  private record Result(int status, String out, String err) {}

  private Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CliContext ctx =
        new CliContext(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            home);
    int status = SprintCli.run(List.of(args), ctx);
    return new Result(
        status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void benchInferenceIsListedUnderBench() {
    Result r = run("bench", "--help");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("inference"), r.out());
  }

  @Test
  void benchInferenceHelpNamesBothPartsAndItsFlags() {
    Result r = run("bench", "inference", "--help");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().startsWith("Usage: bin/sprint bench inference"), r.out());
    for (String flag : List.of("--quick", "--rounds", "--jobs", "--rate", "--skip-engine")) {
      assertTrue(r.out().contains(flag), flag);
    }
    assertTrue(r.out().contains("ONNX Runtime"), r.out());
    assertTrue(r.out().contains("no CUDA backend for MiniLM"), r.out());
  }

  @Test
  void benchInferenceRefusesAnUnknownFlagWithExit64() {
    Result r = run("bench", "inference", "--jobz", "3");
    assertEquals(64, r.status());
    assertTrue(r.err().contains("unknown option '--jobz'"), r.err());
  }
}
