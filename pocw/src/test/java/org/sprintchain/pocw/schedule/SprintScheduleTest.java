package org.sprintchain.pocw.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.sprintchain.pocw.EmissionParams;
import org.sprintchain.pocw.SlashParams;
import org.sprintchain.pocw.SprintParams;

class SprintScheduleTest {
  /** 40 blocks: GENERATION 1-20, COMMIT 21-25, REVEAL 26-30, AUDIT 31-35, SETTLE 36-40. */
  private static final SprintSchedule S = new SprintSchedule(SprintParams.testnetDefaults(), 1);

  static SprintParams params(long epoch, long gen, long commit, long reveal, long audit) {
    SprintParams d = SprintParams.testnetDefaults();
    return new SprintParams(
        epoch,
        gen,
        commit,
        reveal,
        audit,
        "tiny",
        d.difficultyTarget(),
        d.maxPowerShareBps(),
        d.samplesPerWorker(),
        d.auditorsPerWorker(),
        d.jailEpochs(),
        new EmissionParams(1, 1),
        new SlashParams(0, 0, 0, 0, 0),
        1,
        1);
  }

  private static void assertPosition(
      SprintSchedule s, long height, long epoch, Phase phase, long start, long end) {
    assertEquals(new SprintPosition(height, epoch, phase, start, end), s.at(height));
  }

  @Test
  void heightOneOpensEpochZero() {
    assertPosition(S, 1, 0, Phase.GENERATION, 1, 20);
    assertEquals(1, S.seedHeight(0));
    assertEquals(true, S.at(1).isPhaseStart());
  }

  @Test
  void phaseBoundaries() {
    assertPosition(S, 20, 0, Phase.GENERATION, 1, 20);
    assertPosition(S, 21, 0, Phase.COMMIT, 21, 25);
    assertPosition(S, 25, 0, Phase.COMMIT, 21, 25);
    assertPosition(S, 26, 0, Phase.REVEAL, 26, 30);
    assertPosition(S, 31, 0, Phase.AUDIT, 31, 35);
    assertPosition(S, 35, 0, Phase.AUDIT, 31, 35);
    assertPosition(S, 36, 0, Phase.SETTLE, 36, 40);
    assertPosition(S, 40, 0, Phase.SETTLE, 36, 40);
    assertPosition(S, 41, 1, Phase.GENERATION, 41, 60);
    assertEquals(true, S.at(40).isPhaseEnd());
  }

  @Test
  void namedHeights() {
    assertEquals(25, S.commitDeadline(0));
    assertEquals(26, S.auditSeedHeight(0));
    assertEquals(40, S.settleHeight(0));
    assertEquals(42, S.powerEffectiveHeight(0));
    assertEquals(81, S.epochStart(2));
    assertEquals(105, S.commitDeadline(2));
    assertEquals(106, S.auditSeedHeight(2));
    assertEquals(111, S.phaseStart(2, Phase.AUDIT));
    assertEquals(115, S.phaseEnd(2, Phase.AUDIT));
  }

  @Test
  void settleTakesTheRemainderOfAnUnevenEpoch() {
    // 17 = 3 + 2 + 4 + 1 + 7: SETTLE gets the odd remainder.
    SprintSchedule s = new SprintSchedule(params(17, 3, 2, 4, 1), 1);
    assertPosition(s, 10, 0, Phase.AUDIT, 10, 10);
    assertPosition(s, 11, 0, Phase.SETTLE, 11, 17);
    assertPosition(s, 17, 0, Phase.SETTLE, 11, 17);
    assertPosition(s, 18, 1, Phase.GENERATION, 18, 20);
    assertPosition(s, 1_000_000, 58_823, Phase.REVEAL, 999_997, 1_000_000);
  }

  @Test
  void minimalEpochHasOneBlockPerPhase() {
    SprintSchedule s = new SprintSchedule(params(5, 1, 1, 1, 1), 1);
    Phase[] phases = Phase.values();
    for (int h = 1; h <= 10; h++) {
      SprintPosition p = s.at(h);
      assertEquals(phases[(h - 1) % 5], p.phase());
      assertEquals(h, p.phaseStart());
      assertEquals(h, p.phaseEnd());
      assertEquals((h - 1) / 5, p.epoch());
    }
  }

  @Test
  void honoursAnInitialHeightOtherThanOne() {
    SprintSchedule s = new SprintSchedule(SprintParams.testnetDefaults(), 1000);
    assertPosition(s, 1000, 0, Phase.GENERATION, 1000, 1019);
    assertPosition(s, 1039, 0, Phase.SETTLE, 1035, 1039);
    assertPosition(s, 1040, 1, Phase.GENERATION, 1040, 1059);
    assertThrows(IllegalArgumentException.class, () -> s.at(999));
  }

  @Test
  void refusesBadHeightsAndEpochs() {
    assertThrows(IllegalArgumentException.class, () -> S.at(0));
    assertThrows(IllegalArgumentException.class, () -> S.at(-5));
    assertThrows(IllegalArgumentException.class, () -> S.epochStart(-1));
    assertThrows(
        IllegalArgumentException.class, () -> new SprintSchedule(params(5, 1, 1, 1, 1), 0));
    assertThrows(ArithmeticException.class, () -> S.epochStart(Long.MAX_VALUE / 10));
    // The last epoch that fits in int64 is fine; one ending beyond it is refused.
    long lastFull = (Long.MAX_VALUE - 1) / 40 - 1;
    long start = S.epochStart(lastFull);
    assertEquals(Phase.SETTLE, S.at(start + 39).phase());
    assertThrows(IllegalArgumentException.class, () -> S.at(Long.MAX_VALUE));
  }
}
