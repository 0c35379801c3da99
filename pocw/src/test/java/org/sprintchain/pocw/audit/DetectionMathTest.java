package org.sprintchain.pocw.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.sprintchain.pocw.audit.DetectionMath.Fraction;

class DetectionMathTest {
  private static final long P9999 = 999_900;

  private static Fraction f(long n, long d) {
    return new Fraction(BigInteger.valueOf(n), BigInteger.valueOf(d));
  }

  @Test
  void samplesForFourNinesInTheLimit() {
    assertEquals(917, DetectionMath.samplesNeededAnyW(100, P9999));
    assertEquals(180, DetectionMath.samplesNeededAnyW(500, P9999));
    assertEquals(42, DetectionMath.samplesNeededAnyW(2_000, P9999));
    assertEquals(1, DetectionMath.samplesNeededAnyW(10_000, P9999));
  }

  /**
   * Finite lists need no more than the limit, and approach it as W grows. Values cross-checked with
   * Python's exact {@code fractions.Fraction}.
   */
  @Test
  void samplesForFourNinesAtFiniteW() {
    long[][] expected = {
      // W, k at 1%, k at 5%, k at 20%
      {100, 100, 83, 34},
      {1_000, 600, 165, 41},
      {10_000, 876, 178, 42},
      {100_000, 913, 180, 42},
      {1_000_000, 916, 180, 42},
    };
    for (long[] row : expected) {
      long w = row[0];
      assertEquals(row[1], DetectionMath.samplesNeeded(w, 100, P9999), "1% at W=" + w);
      assertEquals(row[2], DetectionMath.samplesNeeded(w, 500, P9999), "5% at W=" + w);
      assertEquals(row[3], DetectionMath.samplesNeeded(w, 2_000, P9999), "20% at W=" + w);
    }
  }

  @Test
  void samplesNeededMeetsTheTargetAndOneFewerDoesNot() {
    for (long w : new long[] {50, 333, 1000, 4096}) {
      for (int bps : new int[] {100, 500, 2000}) {
        long k = DetectionMath.samplesNeeded(w, bps, P9999);
        long fakes = DetectionMath.fakesAtLeast(w, bps);
        assertTrue(DetectionMath.missProbability(w, fakes, k).atMostPpm(100));
        assertFalse(DetectionMath.missProbability(w, fakes, k - 1).atMostPpm(100));
        assertTrue(k <= DetectionMath.samplesNeededAnyW(bps, P9999));
      }
    }
  }

  @Test
  void exactSmallCases() {
    assertEquals(f(9, 10), DetectionMath.missProbability(10, 1, 1));
    assertEquals(f(4, 5), DetectionMath.missProbability(10, 1, 2)); // 9/10 · 8/9
    assertEquals(f(1, 1), DetectionMath.missProbability(10, 0, 7));
    assertEquals(f(0, 1), DetectionMath.missProbability(10, 3, 8));
    assertEquals(f(1, 1), DetectionMath.missProbability(10, 3, 0));
    assertEquals(f(7, 15), DetectionMath.missProbability(10, 2, 3)); // C(8,3)/C(10,3)=56/120
    assertEquals(100_000, f(1, 10).ppmFloor());
  }

  @Test
  void fakesRoundUp() {
    assertEquals(1, DetectionMath.fakesAtLeast(1, 1));
    assertEquals(5, DetectionMath.fakesAtLeast(100, 500));
    assertEquals(6, DetectionMath.fakesAtLeast(101, 500));
    assertEquals(Long.MAX_VALUE / 10_000 + 1, DetectionMath.fakesAtLeast(Long.MAX_VALUE, 1));
  }

  @Test
  void refusesNonsense() {
    assertThrows(IllegalArgumentException.class, () -> DetectionMath.missProbability(10, 11, 1));
    assertThrows(IllegalArgumentException.class, () -> DetectionMath.missProbability(10, 1, 11));
    assertThrows(IllegalArgumentException.class, () -> DetectionMath.samplesNeeded(10, 0, P9999));
    assertThrows(IllegalArgumentException.class, () -> DetectionMath.samplesNeededAnyW(100, 0));
    assertThrows(
        IllegalArgumentException.class, () -> DetectionMath.samplesNeededAnyW(100, 1_000_000));
  }
}
