package org.sprintchain.pocw.reward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.sprintchain.pocw.SlashParams;
import org.sprintchain.pocw.audit.AuditOutcome;
import org.sprintchain.pocw.reward.Jail.Verdict;

class JailTest {
  private static final SlashParams SLASH = new SlashParams(1_000, 5_000, 1_000, 100, 2_500);

  @Test
  void passingEarnsAndIsFree() {
    assertEquals(new Verdict(true, 7, 0), Jail.judge(AuditOutcome.PASSED, 7, 3, 1_000, SLASH));
    assertTrue(Jail.mayCommit(7, 8));
  }

  @Test
  void absenceAndMissedAuditsCostTheEpochOnly() {
    assertEquals(new Verdict(false, 7, 0), Jail.judge(AuditOutcome.ABSENT, 7, 3, 1_000, SLASH));
    assertEquals(
        new Verdict(false, 7, 0), Jail.judge(AuditOutcome.MISSED_AUDIT, 7, 3, 1_000, SLASH));
  }

  @Test
  void missingRevealJailsAndSlashesLightly() {
    Verdict v = Jail.judge(AuditOutcome.MISSING_REVEAL, 7, 3, 1_000, SLASH);
    assertEquals(new Verdict(false, 10, 100), v);
    assertFalse(Jail.mayCommit(v.jailedThrough(), 8));
    assertFalse(Jail.mayCommit(v.jailedThrough(), 10));
    assertTrue(Jail.mayCommit(v.jailedThrough(), 11));
  }

  @Test
  void fraudJailsAndSlashesHard() {
    for (AuditOutcome o :
        new AuditOutcome[] {
          AuditOutcome.INVALID_REVEAL,
          AuditOutcome.NON_WINNING_LEAF,
          AuditOutcome.FRAUD_PROVEN,
          AuditOutcome.FALSE_ACCUSATION
        }) {
      assertEquals(new Verdict(false, 10, 500), Jail.judge(o, 7, 3, 1_000, SLASH), o.name());
    }
    assertEquals(125, Jail.challengerReward(500, SLASH));
  }

  @Test
  void zeroJailEpochsStillCostsTheFailedEpoch() {
    Verdict v = Jail.judge(AuditOutcome.FRAUD_PROVEN, 7, 0, 1_000, SLASH);
    assertFalse(v.earns());
    assertTrue(Jail.mayCommit(v.jailedThrough(), 8));
  }
}
