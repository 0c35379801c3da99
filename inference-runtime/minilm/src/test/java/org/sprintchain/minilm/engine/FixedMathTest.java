package org.sprintchain.minilm.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.math.RoundingMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** The rounding rules against BigInteger arithmetic. */
class FixedMathTest {
  @Test
  void roundsHalfUp() {
    assertEquals(2, FixedMath.roundShift(3, 1)); // 1.5 → 2
    assertEquals(-1, FixedMath.roundShift(-3, 1)); // -1.5 → -1
    assertEquals(-2, FixedMath.roundDiv(-7, 4)); // -1.75 → -2
    assertEquals(3, FixedMath.roundDiv(5, 2)); // 2.5 → 3
  }

  @Property
  void mulShiftRoundIsExact(
      @ForAll @LongRange(min = -(1L << 50), max = 1L << 50) long a,
      @ForAll @LongRange(min = -(1L << 50), max = 1L << 50) long b,
      @ForAll @IntRange(min = 38, max = 63) int s) {
    BigInteger product = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b));
    BigInteger expected = product.add(BigInteger.ONE.shiftLeft(s - 1)).shiftRight(s);
    assertEquals(expected.longValueExact(), FixedMath.mulShiftRound(a, b, s));
  }

  @Property
  void isqrtIsTheFloorRoot(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long n) {
    assertEquals(BigInteger.valueOf(n).sqrt().longValueExact(), FixedMath.isqrt(n));
  }

  @Property
  void ieeeConversionMatchesTheJdk(@ForAll int bits) {
    float f = Float.intBitsToFloat(bits);
    if (Float.isNaN(f) || Float.isInfinite(f) || Math.abs(f) >= 1 << 20) {
      return;
    }
    BigInteger expected =
        new java.math.BigDecimal(f)
            .multiply(java.math.BigDecimal.valueOf(1L << 32))
            .abs()
            .setScale(0, RoundingMode.HALF_UP)
            .toBigInteger();
    long actual = Ieee754.toFixed(bits, 32);
    assertEquals(f < 0 ? expected.negate().longValueExact() : expected.longValueExact(), actual);
  }
}
