package org.sprintchain.pocw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class SprintParamsTest {
  private static final SprintParams D = SprintParams.testnetDefaults();
  private static final EmissionParams E = D.emission();
  private static final SlashParams S = D.slash();

  @Test
  void defaultsAreValid() {
    assertEquals(5, D.settleBlocks());
    assertEquals("tiny", D.modelPreset());
  }

  private static SprintParams with(
      long epoch, long gen, long commit, long reveal, long audit, String preset) {
    return new SprintParams(
        epoch,
        gen,
        commit,
        reveal,
        audit,
        preset,
        D.difficultyTarget(),
        D.maxPowerShareBps(),
        D.samplesPerWorker(),
        D.auditorsPerWorker(),
        D.jailEpochs(),
        E,
        S,
        D.minWorkers(),
        D.disputeBudgetPerBlock());
  }

  private static SprintParams withInts(int capBps, int k, int auditors, long jail, int min) {
    return new SprintParams(
        40, 20, 5, 5, 5, "tiny", D.difficultyTarget(), capBps, k, auditors, jail, E, S, min, 1);
  }

  @TestFactory
  Stream<DynamicTest> everyBadFieldIsNamed() {
    return Stream.of(
        bad("sprint.epoch_length", () -> with(4, 1, 1, 1, 1, "tiny")),
        bad("sprint.epoch_length", () -> with(40, 20, 10, 5, 5, "tiny")),
        bad("sprint.generation_blocks", () -> with(40, 0, 5, 5, 5, "tiny")),
        bad("sprint.commit_deadline", () -> with(40, 20, 0, 5, 5, "tiny")),
        bad("sprint.reveal_blocks", () -> with(40, 20, 5, -1, 5, "tiny")),
        bad("sprint.audit_blocks", () -> with(40, 20, 5, 5, 0, "tiny")),
        bad("sprint.model_preset", () -> with(40, 20, 5, 5, 5, "Tiny")),
        bad("sprint.model_preset", () -> with(40, 20, 5, 5, 5, "")),
        bad("sprint.model_preset", () -> with(40, 20, 5, 5, 5, null)),
        bad("sprint.max_power_share_bps", () -> withInts(0, 1, 1, 0, 1)),
        bad("sprint.max_power_share_bps", () -> withInts(10_001, 1, 1, 0, 1)),
        bad("sprint.samples_per_worker", () -> withInts(2000, 0, 1, 0, 1)),
        bad("sprint.samples_per_worker", () -> withInts(2000, 10_001, 1, 0, 1)),
        bad("sprint.auditors_per_worker", () -> withInts(2000, 1, 0, 0, 1)),
        bad("sprint.jail_epochs", () -> withInts(2000, 1, 1, -1, 1)),
        bad("sprint.min_workers", () -> withInts(2000, 1, 1, 0, 0)),
        bad("sprint.emission.halving_epochs", () -> new EmissionParams(1, 0)),
        bad("sprint.emission.initial_per_epoch", () -> new EmissionParams(-1, 1)),
        bad("sprint.emission", () -> new EmissionParams(Long.MAX_VALUE / 4, 3)),
        bad("sprint.slash.fraud_slash_bps", () -> new SlashParams(1, 10_001, 0, 0, 0)),
        bad("sprint.slash.worker_deposit", () -> new SlashParams(-1, 0, 0, 0, 0)),
        bad("sprint.slash.missed_reveal_slash_bps", () -> new SlashParams(1, 0, -1, 0, 0)),
        bad("sprint.slash.dispute_bond", () -> new SlashParams(1, 0, 0, -5, 0)),
        bad("sprint.slash.challenger_reward_bps", () -> new SlashParams(1, 0, 0, 0, 20_000)));
  }

  private static DynamicTest bad(String field, Supplier<Object> make) {
    return DynamicTest.dynamicTest(
        field,
        () -> {
          InvalidParamsException e = assertThrows(InvalidParamsException.class, make::get);
          assertEquals(field, e.field());
          assertTrue(e.getMessage().startsWith(field + ": "), e.getMessage());
        });
  }

  @Test
  void targetRefusesZeroAndWrongLength() {
    assertThrows(IllegalArgumentException.class, () -> DifficultyTarget.of(new byte[32]));
    assertThrows(IllegalArgumentException.class, () -> DifficultyTarget.of(new byte[31]));
  }

  @Test
  void targetComparesUnsignedBigEndian() {
    DifficultyTarget t = DifficultyTarget.oneIn(2); // 0x80 00 ... 00
    byte[] below = new byte[32];
    below[0] = 0x7F;
    byte[] at = t.bytes();
    byte[] above = new byte[32];
    above[0] = (byte) 0x80;
    above[31] = 1;
    assertTrue(t.wins(below));
    assertEquals(false, t.wins(at));
    assertEquals(false, t.wins(above));
    assertEquals(BigInteger.ONE.shiftLeft(255), t.value());
  }

  @Test
  void applyBpsIsExactFloorWithoutOverflow() {
    assertEquals(Long.MAX_VALUE, SlashParams.applyBps(Long.MAX_VALUE, 10_000));
    assertEquals(
        BigInteger.valueOf(Long.MAX_VALUE)
            .multiply(BigInteger.valueOf(3333))
            .divide(BigInteger.valueOf(10_000))
            .longValueExact(),
        SlashParams.applyBps(Long.MAX_VALUE, 3333));
    assertEquals(0, SlashParams.applyBps(9_999, 1));
  }

  @Test
  void emissionBoundIsTwiceInitialTimesHalving() {
    assertEquals(2L * 1_000_000 * 100_000, E.totalEmissionBound());
  }
}
