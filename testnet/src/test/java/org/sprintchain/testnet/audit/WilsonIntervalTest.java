package org.sprintchain.testnet.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WilsonIntervalTest {
  @Test
  void matchesAKnownValue() {
    // 81 of 263 at z = 1.96: [0.2553, 0.3662] (Wilson 1927; Newcombe 1998, method 3).
    WilsonInterval ci = WilsonInterval.of(81, 263, 1.96);
    assertEquals(0.2553, ci.low(), 1e-4);
    assertEquals(0.3662, ci.high(), 1e-4);
  }

  @Test
  void allSuccessesGiveANonEmptyIntervalEndingAtOne() {
    WilsonInterval ci = WilsonInterval.of(2_000, 2_000, DetectionEstimate.Z95);
    assertEquals(1.0, ci.high());
    assertTrue(ci.low() > 0.997 && ci.low() < 0.999, "low " + ci.low());
    assertTrue(ci.contains(0.9999));
    assertFalse(ci.contains(0.99));
  }

  @Test
  void refusesImpossibleCounts() {
    assertThrows(IllegalArgumentException.class, () -> WilsonInterval.of(3, 2, 1.96));
    assertThrows(IllegalArgumentException.class, () -> WilsonInterval.of(0, 0, 1.96));
  }
}
