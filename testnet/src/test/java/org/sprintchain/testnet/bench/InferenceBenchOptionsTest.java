package org.sprintchain.testnet.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class InferenceBenchOptionsTest {
  @Test
  void defaultsAreFiftyJobsAFifthMiniLmFiveRoundsWholeCorpus() {
    InferenceBenchOptions o = InferenceBenchOptions.parse(new String[0]);
    assertEquals(50, o.jobs());
    assertEquals(10, o.minilmJobs());
    assertEquals(5, o.engineRounds());
    assertEquals(0, o.engineLimit());
    assertEquals(5.0, o.rate());
    assertEquals(Runtime.getRuntime().availableProcessors(), o.threads());
    assertFalse(o.quick() || o.skipEngine() || o.skipNet() || o.keep() || o.help());
    assertEquals(Optional.empty(), o.dir());
  }

  @Test
  void quickShortensBothPartsAndExplicitFlagsWin() {
    InferenceBenchOptions q = InferenceBenchOptions.parse(new String[] {"--quick"});
    assertEquals(12, q.jobs());
    assertEquals(2, q.minilmJobs());
    assertEquals(2, q.engineRounds());
    assertEquals(60, q.engineLimit());

    InferenceBenchOptions o =
        InferenceBenchOptions.parse(
            new String[] {
              "--quick",
              "--rounds",
              "4",
              "--jobs",
              "20",
              "--minilm-jobs",
              "0",
              "--rate",
              "0",
              "--threads",
              "1",
              "--dir",
              "/tmp/x",
              "--out",
              "r.json",
              "--keep",
              "--skip-engine"
            });
    assertEquals(4, o.engineRounds());
    assertEquals(20, o.jobs());
    assertEquals(0, o.minilmJobs());
    assertEquals(0.0, o.rate());
    assertEquals(1, o.threads());
    assertEquals(Optional.of(Path.of("/tmp/x")), o.dir());
    assertEquals(Optional.of(Path.of("r.json")), o.out());
    assertTrue(o.keep() && o.skipEngine());
  }

  @Test
  void refusesBadCommandLines() {
    assertMessage("unknown option '--fast'", "--fast");
    assertMessage("--jobs needs a value", "--jobs");
    assertMessage("--jobs must be in [1, 100000], got 0", "--jobs", "0");
    assertMessage("--rate must be a number", "--rate", "fast");
    assertMessage("--rate must be in [0, 10000]", "--rate", "-1");
    assertMessage(
        "--minilm-jobs (6) must be at most --jobs (5)", "--jobs", "5", "--minilm-jobs", "6");
    assertMessage("leave nothing to measure", "--skip-engine", "--skip-net");
  }

  @Test
  void miniLmJobsAreExactlyTheRequestedCountSpreadEvenly() {
    for (int n : new int[] {1, 7, 12, 50, 101}) {
      for (int m = 0; m <= n; m++) {
        InferenceBenchOptions o =
            InferenceBenchOptions.parse(new String[] {"--jobs", "" + n, "--minilm-jobs", "" + m});
        long count = IntStream.range(0, n).filter(o::isMiniLm).count();
        assertEquals(m, count, n + " jobs, " + m + " minilm");
      }
    }
    InferenceBenchOptions o = InferenceBenchOptions.parse(new String[0]);
    assertEquals(
        "4,9,14,19,24,29,34,39,44,49",
        String.join(
            ",", IntStream.range(0, 50).filter(o::isMiniLm).mapToObj(Integer::toString).toList()));
  }

  @Test
  void helpPrintsTheUsageAndAWrongFlagExits64() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
    assertEquals(0, InferenceBenchmark.run(new String[] {"--help"}, o, e));
    String usage = out.toString(StandardCharsets.UTF_8);
    assertTrue(usage.startsWith("Usage: bin/sprint bench inference"), usage);
    assertTrue(usage.contains("no CUDA backend for MiniLM"), usage);
    assertTrue(usage.contains("--quick"), usage);
    assertEquals(64, InferenceBenchmark.run(new String[] {"--jobs", "x"}, o, e));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("--jobs must be an integer"));
  }

  private static void assertMessage(String expected, String... args) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> InferenceBenchOptions.parse(args));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }
}
