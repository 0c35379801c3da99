package org.sprintchain.pocw.reward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.sprintchain.pocw.PocwTestData;
import org.sprintchain.pocw.WorkerId;
import org.sprintchain.pocw.reward.RewardSplitter.Split;

class RewardSplitterProperties {
  @Property(tries = 500)
  void payoutsSumToThePotAndFollowWork(
      @ForAll @Size(min = 0, max = 50) List<@LongRange(min = 0, max = Long.MAX_VALUE) Long> works,
      @ForAll @LongRange(min = 0, max = Long.MAX_VALUE / 2) long emission,
      @ForAll @LongRange(min = 0, max = Long.MAX_VALUE / 2) long fees,
      @ForAll Random random) {
    SortedMap<WorkerId, Long> work = new TreeMap<>();
    for (int i = 0; i < works.size(); i++) {
      work.put(PocwTestData.worker(i), works.get(i));
    }
    Split split = RewardSplitter.split(emission, fees, work);
    long pot = emission + fees;
    long paid = split.payouts().values().stream().mapToLong(Long::longValue).sum();
    assertEquals(pot, paid + split.undistributed());
    BigInteger total = BigInteger.ZERO;
    for (long w : works) {
      total = total.add(BigInteger.valueOf(w));
    }
    if (total.signum() > 0) {
      assertEquals(0, split.undistributed());
    }
    // Each payout is its exact share rounded down or up.
    for (Map.Entry<WorkerId, Long> e : work.entrySet()) {
      long got = split.payouts().getOrDefault(e.getKey(), 0L);
      if (e.getValue() == 0) {
        assertEquals(0, got);
        continue;
      }
      BigInteger exactFloor =
          BigInteger.valueOf(pot).multiply(BigInteger.valueOf(e.getValue())).divide(total);
      assertTrue(got == exactFloor.longValueExact() || got == exactFloor.longValueExact() + 1);
    }
    // Independent of input order.
    List<Map.Entry<WorkerId, Long>> entries = new ArrayList<>(work.entrySet());
    Collections.shuffle(entries, random);
    Map<WorkerId, Long> reordered = new LinkedHashMap<>();
    entries.forEach(e -> reordered.put(e.getKey(), e.getValue()));
    assertEquals(split, RewardSplitter.split(emission, fees, reordered));
  }
}
