package org.sprintchain.pocw.power;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.sprintchain.pocw.WorkerId;

class VotingPowerPolicyProperties {
  private static long sum(Map<WorkerId, Long> m) {
    return m.values().stream().mapToLong(Long::longValue).sum();
  }

  @Property(tries = 500)
  void capTotalLimitsZeroWorkAndOrder(
      @ForAll @Size(min = 1, max = 60) List<@LongRange(min = 0, max = Long.MAX_VALUE) Long> works,
      @ForAll @IntRange(min = 1, max = 10_000) int capBps,
      @ForAll Random random) {
    SortedMap<WorkerId, Long> work = VotingPowerPolicyTest.work(toArray(works));
    VotingPowerPolicy policy = new VotingPowerPolicy(capBps);
    SortedMap<WorkerId, Long> powers = policy.powers(work);
    long positive = works.stream().filter(w -> w > 0).count();
    long total = sum(powers);

    // Powers fit CometBFT and are positive; zero-work workers get nothing.
    assertTrue(total <= VotingPowerPolicy.MAX_TOTAL_VOTING_POWER);
    powers.forEach((id, p) -> assertTrue(p > 0 && work.get(id) > 0));
    if (positive > 0) {
      assertTrue(total > 0);
    }
    // Nobody above the cap: every power ≤ cap·T, and when the set can satisfy the cap the
    // powers fill T exactly, so every share ≤ cap.
    powers.values().forEach(p -> assertTrue(p <= policy.cappedPower()));
    if (positive * capBps >= 10_000) {
      assertEquals(VotingPowerPolicy.DEFAULT_TOTAL_POWER, total);
      for (long p : powers.values()) {
        assertTrue(
            BigInteger.valueOf(p)
                    .multiply(BigInteger.valueOf(10_000))
                    .compareTo(BigInteger.valueOf(total).multiply(BigInteger.valueOf(capBps)))
                <= 0);
      }
    } else if (positive > 0) {
      powers.values().forEach(p -> assertEquals(policy.cappedPower(), p));
    }
    // Independent of input order.
    List<Map.Entry<WorkerId, Long>> shuffled = new ArrayList<>(work.entrySet());
    Collections.shuffle(shuffled, random);
    Map<WorkerId, Long> reordered = new LinkedHashMap<>();
    shuffled.forEach(e -> reordered.put(e.getKey(), e.getValue()));
    assertEquals(powers, policy.powers(reordered));
  }

  @Property(tries = 300)
  void moreWorkNeverMeansLessPower(
      @ForAll @Size(min = 2, max = 30) List<@LongRange(min = 1, max = 1L << 50) Long> works,
      @ForAll @IntRange(min = 1, max = 10_000) int capBps) {
    SortedMap<WorkerId, Long> work = VotingPowerPolicyTest.work(toArray(works));
    SortedMap<WorkerId, Long> powers = new VotingPowerPolicy(capBps).powers(work);
    for (WorkerId a : work.keySet()) {
      for (WorkerId b : work.keySet()) {
        if (work.get(a) > work.get(b)) {
          // Rounding may give the lighter one at most one unit more.
          assertFalse(powers.getOrDefault(a, 0L) + 1 < powers.getOrDefault(b, 0L));
        }
      }
    }
  }

  private static long[] toArray(List<Long> works) {
    return works.stream().mapToLong(Long::longValue).toArray();
  }
}
