package org.sprintchain.pocw.reward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.sprintchain.pocw.EmissionParams;

class EmissionScheduleTest {
  private static final EmissionParams GONKA_LIKE = new EmissionParams(323_000, 1461);

  @Test
  void startsAtInitialAndHalvesEveryHalfLife() {
    assertEquals(323_000, EmissionSchedule.emission(GONKA_LIKE, 0));
    assertEquals(161_500, EmissionSchedule.emission(GONKA_LIKE, 1461));
    assertEquals(80_750, EmissionSchedule.emission(GONKA_LIKE, 2 * 1461));
    // Halfway through the first half-life: 323000 − floor(323000·730/2922) = 323000 − 80694.
    assertEquals(242_306, EmissionSchedule.emission(GONKA_LIKE, 730));
    assertEquals(0, EmissionSchedule.emission(GONKA_LIKE, 63 * 1461));
    assertEquals(0, EmissionSchedule.emission(GONKA_LIKE, Long.MAX_VALUE));
  }

  @Test
  void halvingEveryEpochIsAPureHalving() {
    EmissionParams p = new EmissionParams(1L << 40, 1);
    for (int e = 0; e < 70; e++) {
      assertEquals(e >= 63 ? 0 : (1L << 40) >> e, EmissionSchedule.emission(p, e));
    }
  }

  @Test
  void totalStaysUnderTheBound() {
    EmissionParams p = new EmissionParams(1_000_003, 7);
    long total = 0;
    for (long e = 0; e < 63 * 7 + 10; e++) {
      total += EmissionSchedule.emission(p, e);
    }
    assertTrue(total <= p.totalEmissionBound(), total + " > " + p.totalEmissionBound());
    assertTrue(total > p.totalEmissionBound() * 3 / 4 - 1, "" + total);
  }

  @Test
  void refusesNegativeEpochs() {
    assertThrows(IllegalArgumentException.class, () -> EmissionSchedule.emission(GONKA_LIKE, -1));
  }
}
