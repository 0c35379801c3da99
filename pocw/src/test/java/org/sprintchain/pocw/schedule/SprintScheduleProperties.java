package org.sprintchain.pocw.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class SprintScheduleProperties {
  @Property
  void everyHeightLiesInsideItsPhaseAndEpoch(
      @ForAll @IntRange(min = 1, max = 50) int gen,
      @ForAll @IntRange(min = 1, max = 9) int commit,
      @ForAll @IntRange(min = 1, max = 9) int reveal,
      @ForAll @IntRange(min = 1, max = 9) int audit,
      @ForAll @IntRange(min = 1, max = 30) int settle,
      @ForAll @LongRange(min = 1, max = 1_000_000) long initial,
      @ForAll @LongRange(min = 0, max = 1_000_000_000L) long offset) {
    long len = gen + commit + reveal + audit + settle;
    SprintSchedule s =
        new SprintSchedule(SprintScheduleTest.params(len, gen, commit, reveal, audit), initial);
    long h = initial + offset;
    SprintPosition p = s.at(h);
    assertTrue(p.phaseStart() <= h && h <= p.phaseEnd());
    assertEquals(p.phaseStart(), s.phaseStart(p.epoch(), p.phase()));
    assertEquals(p.phaseEnd(), s.phaseEnd(p.epoch(), p.phase()));
    assertTrue(s.epochStart(p.epoch()) <= h && h <= s.settleHeight(p.epoch()));
    assertEquals(offset / len, p.epoch());
    // The next height is the same phase, the next phase, or the next epoch's GENERATION.
    SprintPosition q = s.at(h + 1);
    if (h < p.phaseEnd()) {
      assertEquals(p.phase(), q.phase());
    } else if (p.phase() == Phase.SETTLE) {
      assertEquals(Phase.GENERATION, q.phase());
      assertEquals(p.epoch() + 1, q.epoch());
    } else {
      assertEquals(p.phase().ordinal() + 1, q.phase().ordinal());
    }
  }

  @Property
  void namedHeightsAreOrdered(
      @ForAll @IntRange(min = 1, max = 50) int gen,
      @ForAll @IntRange(min = 1, max = 9) int commit,
      @ForAll @IntRange(min = 1, max = 30) int settle,
      @ForAll @LongRange(min = 0, max = 1_000_000) long epoch) {
    long len = gen + commit + 2 + settle;
    SprintSchedule s = new SprintSchedule(SprintScheduleTest.params(len, gen, commit, 1, 1), 1);
    assertTrue(s.seedHeight(epoch) < s.commitDeadline(epoch));
    assertEquals(s.commitDeadline(epoch) + 1, s.auditSeedHeight(epoch));
    assertEquals(s.settleHeight(epoch) + 1, s.epochStart(epoch + 1));
    assertEquals(Phase.REVEAL, s.at(s.auditSeedHeight(epoch)).phase());
    assertEquals(Phase.COMMIT, s.at(s.commitDeadline(epoch)).phase());
  }
}
