package org.sprintchain.pocw.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.sprintchain.pocw.PocwTestData;
import org.sprintchain.pocw.WorkerId;
import org.sprintchain.pocw.hash.HashStream;

class AuditSamplerTest {
  private static final WorkerId W = PocwTestData.worker(1);

  @Test
  void opensEverythingWhenKCoversTheList() {
    assertArrayEquals(new long[] {0, 1, 2}, AuditSampler.sample(PocwTestData.seed(0), W, 3, 3));
    assertArrayEquals(new long[] {0, 1, 2}, AuditSampler.sample(PocwTestData.seed(0), W, 3, 100));
  }

  @Test
  void dependsOnSeedWorkerAndCount() {
    long[] base = AuditSampler.sample(PocwTestData.seed(0), W, 1_000_000, 20);
    assertArrayEquals(base, AuditSampler.sample(PocwTestData.seed(0), W, 1_000_000, 20));
    assertFalse(Arrays.equals(base, AuditSampler.sample(PocwTestData.seed(1), W, 1_000_000, 20)));
    assertFalse(
        Arrays.equals(
            base,
            AuditSampler.sample(PocwTestData.seed(0), PocwTestData.worker(2), 1_000_000, 20)));
    assertFalse(Arrays.equals(base, AuditSampler.sample(PocwTestData.seed(0), W, 999_999, 20)));
  }

  @Test
  void refusesBadInputs() {
    assertThrows(IllegalArgumentException.class, () -> AuditSampler.sample(new byte[31], W, 5, 1));
    assertThrows(IllegalArgumentException.class, () -> AuditSampler.sample(new byte[32], W, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> AuditSampler.sample(new byte[32], W, 5, 0));
  }

  /**
   * Chi-square goodness of fit of the per-index frequencies, in integers: with E = trials·k/W
   * expected hits per index, {@code Σ (O − E)² ≤ 50·E} (the 99.9% critical value of χ² with 19
   * degrees of freedom is 43.8; sampling without replacement only lowers the variance).
   */
  @Test
  void indicesAreUniform() {
    int w = 20;
    int k = 5;
    int trials = 4000;
    long[] hits = new long[w];
    for (int t = 0; t < trials; t++) {
      for (long i : AuditSampler.sample(PocwTestData.seed(t), W, w, k)) {
        hits[(int) i]++;
      }
    }
    long expected = (long) trials * k / w;
    long chi = 0;
    for (long h : hits) {
      chi += (h - expected) * (h - expected);
    }
    assertTrue(chi <= 50 * expected, "chi^2 * E = " + chi + " for E = " + expected);
  }

  /**
   * Rejection removes modulo bias. With bound B = 3·2^61, 2^64 = 2B + 2^62, so a plain {@code x mod
   * B} would hit the top third [2^62, B) with probability 1/4 instead of 1/3.
   */
  @Test
  void belowHasNoModuloBias() {
    long bound = 3L << 61;
    HashStream s = new HashStream("test", PocwTestData.seed(7));
    int[] thirds = new int[3];
    for (int i = 0; i < 3000; i++) {
      long x = s.below(bound);
      assertTrue(Long.compareUnsigned(x, bound) < 0);
      thirds[(int) (x >>> 61)]++;
    }
    for (int c : thirds) {
      assertTrue(c > 850 && c < 1150, Arrays.toString(thirds));
    }
  }

  @Test
  void belowCoversSmallBoundsExactly() {
    HashStream s = new HashStream("test", PocwTestData.seed(8));
    for (int i = 0; i < 100; i++) {
      assertEquals(0, s.below(1));
    }
    assertThrows(IllegalArgumentException.class, () -> s.below(0));
  }
}
