package org.sprintchain.pocw.power;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.sprintchain.pocw.PocwTestData;
import org.sprintchain.pocw.WorkerId;

class VotingPowerPolicyTest {
  private static final long T = 1_000_000; // a readable budget for the examples

  static SortedMap<WorkerId, Long> work(long... works) {
    SortedMap<WorkerId, Long> m = new TreeMap<>();
    for (int i = 0; i < works.length; i++) {
      m.put(PocwTestData.worker(i), works[i]);
    }
    return m;
  }

  @Test
  void uncappedIsProportional() {
    SortedMap<WorkerId, Long> p = new VotingPowerPolicy(5_000, T).powers(work(1, 1, 2));
    assertEquals(250_000L, p.get(PocwTestData.worker(0)));
    assertEquals(250_000L, p.get(PocwTestData.worker(1)));
    assertEquals(500_000L, p.get(PocwTestData.worker(2)));
  }

  @Test
  void oneGiantIsCappedAndTheRestShareWhatIsLeft() {
    // 20% cap, six workers: the giant gets 200 000; the other five share 800 000 in 1:1:1:1:4.
    SortedMap<WorkerId, Long> p =
        new VotingPowerPolicy(2_000, T).powers(work(1_000_000, 10, 10, 10, 10, 40));
    assertEquals(200_000L, p.get(PocwTestData.worker(0)));
    // 40/80 of 800 000 = 400 000 > cap: capped too; the four small share 600 000 equally.
    assertEquals(200_000L, p.get(PocwTestData.worker(5)));
    assertEquals(150_000L, p.get(PocwTestData.worker(1)));
    assertEquals(T, p.values().stream().mapToLong(Long::longValue).sum());
  }

  @Test
  void infeasibleCapGivesEqualPowers() {
    // Three workers cannot each stay under 20%: all are capped at 200 000.
    SortedMap<WorkerId, Long> p = new VotingPowerPolicy(2_000, T).powers(work(9, 1, 5));
    assertEquals(3, p.size());
    p.values().forEach(v -> assertEquals(200_000L, v));
  }

  @Test
  void exactlyFeasibleCapFillsTheBudget() {
    SortedMap<WorkerId, Long> p = new VotingPowerPolicy(2_000, T).powers(work(100, 1, 1, 1, 1));
    p.values().forEach(v -> assertEquals(200_000L, v));
  }

  @Test
  void remaindersGoToTheLargestFractions() {
    // 1 000 000 split 1:1:1 gives 333 333 each and one unit left, to the id that sorts first.
    SortedMap<WorkerId, Long> p = new VotingPowerPolicy(10_000, T).powers(work(7, 7, 7));
    assertEquals(T, p.values().stream().mapToLong(Long::longValue).sum());
    assertEquals(333_334L, p.get(p.firstKey()));
  }

  @Test
  void zeroWorkGetsNothingAndTinyWorkMayRoundToNothing() {
    SortedMap<WorkerId, Long> p =
        new VotingPowerPolicy(10_000, T).powers(work(0, Long.MAX_VALUE, 1));
    assertEquals(1, p.size());
    assertEquals(T, p.get(PocwTestData.worker(1)));
    assertEquals(0, new VotingPowerPolicy(2_000).powers(work(0, 0)).size());
  }

  @Test
  void defaultBudgetIsWithinCometBftsLimit() {
    assertEquals(1_152_921_504_606_846_975L, VotingPowerPolicy.MAX_TOTAL_VOTING_POWER);
    assertEquals(2_000L << 30, new VotingPowerPolicy(2_000).cappedPower());
  }

  @Test
  void refusesBadArguments() {
    assertThrows(IllegalArgumentException.class, () -> new VotingPowerPolicy(0));
    assertThrows(IllegalArgumentException.class, () -> new VotingPowerPolicy(100, 12_345));
    assertThrows(
        IllegalArgumentException.class,
        () -> new VotingPowerPolicy(100, VotingPowerPolicy.MAX_TOTAL_VOTING_POWER + 1));
    assertThrows(
        IllegalArgumentException.class, () -> new VotingPowerPolicy(100).powers(work(1, -1)));
  }
}
