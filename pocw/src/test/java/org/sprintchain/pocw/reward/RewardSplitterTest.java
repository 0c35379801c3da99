package org.sprintchain.pocw.reward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.sprintchain.pocw.PocwTestData;
import org.sprintchain.pocw.WorkerId;
import org.sprintchain.pocw.reward.RewardSplitter.Split;

class RewardSplitterTest {
  private static SortedMap<WorkerId, Long> work(long... works) {
    SortedMap<WorkerId, Long> m = new TreeMap<>();
    for (int i = 0; i < works.length; i++) {
      m.put(PocwTestData.worker(i), works[i]);
    }
    return m;
  }

  @Test
  void splitsProportionallyWithTheRemainderToTheLargestFractions() {
    // pot 100 by 1:2:3 -> 16.67, 33.33, 50 -> 16, 33, 50 and one unit to the 0.67.
    Split s = RewardSplitter.split(90, 10, work(1, 2, 3));
    assertEquals(17L, s.payouts().get(PocwTestData.worker(0)));
    assertEquals(33L, s.payouts().get(PocwTestData.worker(1)));
    assertEquals(50L, s.payouts().get(PocwTestData.worker(2)));
    assertEquals(0, s.undistributed());
  }

  @Test
  void nobodyEarnedMeansEverythingUndistributed() {
    Split s = RewardSplitter.split(90, 10, work(0, 0));
    assertEquals(0, s.payouts().size());
    assertEquals(100, s.undistributed());
  }

  @Test
  void refusesNegativesAndOverflow() {
    assertThrows(IllegalArgumentException.class, () -> RewardSplitter.split(-1, 0, work(1)));
    assertThrows(IllegalArgumentException.class, () -> RewardSplitter.split(1, 0, work(1, -1)));
    assertThrows(ArithmeticException.class, () -> RewardSplitter.split(Long.MAX_VALUE, 1, work(1)));
  }
}
