package org.sprintchain.testnet.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AuditBenchOptionsTest {
  @Test
  void defaults() {
    AuditBenchOptions o = AuditBenchOptions.parse(new String[0]);
    assertEquals(new AuditBenchOptions("tiny", 20_000, 180, 2_000, 1_000, "auto"), o);
  }

  @Test
  void defaultSamplesAreTheProtocolsKForFivePercent() {
    assertEquals(180, AuditBenchOptions.DEFAULT_SAMPLES);
  }

  @Test
  void parsesEveryFlag() {
    AuditBenchOptions o =
        AuditBenchOptions.parse(
            new String[] {
              "--preset",
              "cpu-small",
              "--nonces",
              "500",
              "--samples",
              "42",
              "--trials",
              "10",
              "--winners",
              "77",
              "--backend",
              "cpu"
            });
    assertEquals(new AuditBenchOptions("cpu-small", 500, 42, 10, 77, "cpu"), o);
  }

  @Test
  void cpuSmallHasASmallerDefaultN() {
    AuditBenchOptions o = AuditBenchOptions.parse(new String[] {"--preset", "cpu-small"});
    assertEquals(1_000, o.nonces());
  }

  @Test
  void refusesBadArguments() {
    assertRefused("unknown argument", "--fast");
    assertRefused("needs a value", "--nonces");
    assertRefused("whole number", "--trials", "many");
    assertRefused(">= 1", "--samples", "0");
    assertRefused("tiny or cpu-small", "--preset", "gpu-large");
    assertRefused("at most", "--winners", "20000000");
  }

  private static void assertRefused(String why, String... args) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> AuditBenchOptions.parse(args));
    assertTrue(e.getMessage().contains(why), e.getMessage());
  }
}
