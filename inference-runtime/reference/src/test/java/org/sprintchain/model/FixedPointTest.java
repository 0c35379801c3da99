package org.sprintchain.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class FixedPointTest {
  @Property
  void isqrtIsTheFloorOfTheSquareRoot(@ForAll @LongRange(min = 0) long n) {
    assertEquals(BigInteger.valueOf(n).sqrt().longValueExact(), FixedPoint.isqrt(n));
  }

  @Test
  void isqrtEdges() {
    assertEquals(0, FixedPoint.isqrt(0));
    assertEquals(1, FixedPoint.isqrt(3));
    assertEquals(2, FixedPoint.isqrt(4));
    assertEquals(3_037_000_499L, FixedPoint.isqrt(Long.MAX_VALUE));
    assertThrows(IllegalArgumentException.class, () -> FixedPoint.isqrt(-1));
  }

  @Test
  void roundShiftRoundsHalfUp() {
    assertEquals(2, FixedPoint.roundShift(3, 1)); // 1.5 -> 2
    assertEquals(-1, FixedPoint.roundShift(-3, 1)); // -1.5 -> -1
    assertEquals(-1, FixedPoint.roundShift(-5, 2)); // -1.25 -> -1
    assertEquals(-2, FixedPoint.roundShift(-7, 2)); // -1.75 -> -2
  }

  @Test
  void requantizeClampsSymmetrically() {
    assertEquals(127, FixedPoint.requantize(Integer.MAX_VALUE, 1 << 24, 24));
    assertEquals(-127, FixedPoint.requantize(Integer.MIN_VALUE, 1 << 24, 24));
  }

  @Test
  void exp2TableMatchesTheSpec() {
    assertArrayEquals(
        new int[] {
          1073741824, 1028218693, 984625593, 942880699, 902905650, 864625413, 827968132, 792864999,
          759250124, 727060410, 696235434, 666717336, 638450708, 611382492, 585461880, 560640217
        },
        FixedPoint.exp2Table());
    assertEquals(32768, FixedPoint.exp2Q15(0));
    assertEquals(16384, FixedPoint.exp2Q15(16));
    assertEquals(1, FixedPoint.exp2Q15(16 * 15));
    assertEquals(0, FixedPoint.exp2Q15(256));
  }

  @Test
  void multipliersOfThePresets() {
    assertEquals(29959, FixedPoint.linearMultiplier(64)); // 2^24 / (70 * 8)
    assertEquals(14979, FixedPoint.linearMultiplier(256));
    assertEquals(176, FixedPoint.softmaxDivisor(16));
  }
}
