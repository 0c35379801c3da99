package org.sprintchain.testnet.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AuditBenchmarkTest {
  private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
  private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

  private int run(String... args) {
    return AuditBenchmark.run(
        args,
        new PrintStream(outBytes, true, StandardCharsets.UTF_8),
        new PrintStream(errBytes, true, StandardCharsets.UTF_8));
  }

  private String out() {
    return outBytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void helpPrintsUsageToOut() {
    assertEquals(0, run("--nonces", "5", "--help"));
    assertTrue(out().startsWith("Usage: bin/sprint bench audit"), out());
    assertTrue(out().contains("(default 180"), out());
    assertEquals("", errBytes.toString(StandardCharsets.UTF_8));
  }

  @Test
  void badArgumentsAreAUsageError() {
    assertEquals(2, run("--nonces", "-3"));
    assertTrue(errBytes.toString(StandardCharsets.UTF_8).contains("Usage: bin/sprint bench audit"));
  }

  @Test
  void unknownBackendFails() {
    assertEquals(1, run("--backend", "abacus", "--nonces", "100"));
    assertTrue(errBytes.toString(StandardCharsets.UTF_8).contains("unknown backend"));
  }

  @Test
  void smallRunReportsBothParts() {
    assertEquals(
        0,
        run("--backend", "cpu", "--nonces", "600", "--samples", "20", "--trials", "200"),
        errBytes.toString(StandardCharsets.UTF_8));
    String out = out();
    assertTrue(out.contains("backend scalar"), out);
    assertTrue(out.contains("N = 600 nonces"), out);
    assertTrue(out.contains("1 in 2 (p = 0.50000)"), out);
    assertTrue(out.contains("20 leaves opened"), out);
    assertTrue(out.contains("all verified: yes"), out);
    assertTrue(out.contains("analytic k/N = 3.33%"), out);
    assertTrue(out.contains("W = 1000, k = 20, T = 200 trials"), out);
    assertEquals(3, out.lines().filter(l -> l.matches("\\s+\\d+% .*")).count(), out);
  }

  @Test
  void costNeededNScalesWithTheAuditorCount() {
    AuditCost c = new AuditCost("scalar", 1_000, 3, 300, 180, true, 1_000_000, 0, 100, 19_900);
    assertEquals(0.02, c.costFraction(), 1e-12);
    assertEquals(0.18, c.analyticFraction(), 1e-12);
    assertEquals(2_000, c.noncesForFraction(0.01, 1));
    assertEquals(4_000, c.noncesForFraction(0.01, 2));
  }
}
