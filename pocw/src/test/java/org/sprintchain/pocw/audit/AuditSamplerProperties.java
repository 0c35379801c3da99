package org.sprintchain.pocw.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.sprintchain.pocw.PocwTestData;

class AuditSamplerProperties {
  @Property
  void kDistinctAscendingIndicesInRange(
      @ForAll @IntRange(min = 0, max = 1000) int seed,
      @ForAll @IntRange(min = 0, max = 100) int worker,
      @ForAll @LongRange(min = 1, max = Long.MAX_VALUE) long winners,
      @ForAll @IntRange(min = 1, max = 300) int k) {
    long[] s =
        AuditSampler.sample(PocwTestData.seed(seed), PocwTestData.worker(worker), winners, k);
    assertEquals(Math.min(k, winners), s.length);
    for (int i = 0; i < s.length; i++) {
      assertTrue(s[i] >= 0 && s[i] < winners);
      assertTrue(i == 0 || s[i - 1] < s[i]);
    }
    assertArrayEquals(
        s, AuditSampler.sample(PocwTestData.seed(seed), PocwTestData.worker(worker), winners, k));
  }

  @Property(tries = 200)
  void smallListsAreCoveredWhenKIsClose(
      @ForAll @IntRange(min = 0, max = 1000) int seed,
      @ForAll @IntRange(min = 2, max = 40) int winners) {
    long[] s =
        AuditSampler.sample(PocwTestData.seed(seed), PocwTestData.worker(0), winners, winners - 1);
    assertEquals(winners - 1, s.length);
  }
}
