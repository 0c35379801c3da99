package org.sprintchain.pocw.reward;

import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.sprintchain.pocw.EmissionParams;

class EmissionScheduleProperties {
  @Property
  void neverIncreases(
      @ForAll @LongRange(min = 0, max = Long.MAX_VALUE / 4) long initial,
      @ForAll @LongRange(min = 1, max = 2) long halving,
      @ForAll @LongRange(min = 0, max = 200) long epoch) {
    EmissionParams p = new EmissionParams(initial, halving);
    assertTrue(EmissionSchedule.emission(p, epoch + 1) <= EmissionSchedule.emission(p, epoch));
  }

  @Property
  void neverIncreasesOverLongHalfLives(
      @ForAll @LongRange(min = 0, max = 1L << 40) long initial,
      @ForAll @LongRange(min = 1, max = 5000) long halving,
      @ForAll @LongRange(min = 0, max = 1_000_000) long epoch) {
    EmissionParams p = new EmissionParams(initial, halving);
    long now = EmissionSchedule.emission(p, epoch);
    assertTrue(EmissionSchedule.emission(p, epoch + 1) <= now);
    assertTrue(now <= initial);
  }
}
