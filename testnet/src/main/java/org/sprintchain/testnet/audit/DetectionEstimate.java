package org.sprintchain.testnet.audit;

import java.math.BigDecimal;
import java.math.MathContext;
import org.sprintchain.pocw.audit.DetectionMath;

/**
 * The measured detection rate of one fake fraction beside the exact value.
 *
 * @param fakeBps the fake fraction, in basis points of W
 * @param winners W, leaves committed
 * @param fakes F, fake leaves among them: {@code ceil(W · bps / 10^4)}
 * @param samples k, leaves opened
 * @param trials T, trials run
 * @param detected trials in which an opened leaf was fake
 */
record DetectionEstimate(
    int fakeBps, long winners, long fakes, int samples, int trials, int detected) {
  /** Two-sided 95% normal quantile. */
  static final double Z95 = 1.959964;

  /** The measured rate. */
  double rate() {
    return (double) detected / trials;
  }

  /** The 95% Wilson score interval of the rate. */
  WilsonInterval interval() {
    return WilsonInterval.of(detected, trials, Z95);
  }

  /** {@code 1 − C(W−F, k')/C(W, k')} with {@code k' = min(k, W)}, from {@link DetectionMath}. */
  double exact() {
    DetectionMath.Fraction miss =
        DetectionMath.missProbability(winners, fakes, Math.min(samples, winners));
    BigDecimal p =
        new BigDecimal(miss.numerator())
            .divide(new BigDecimal(miss.denominator()), MathContext.DECIMAL64);
    return BigDecimal.ONE.subtract(p).doubleValue();
  }

  /** Whether the exact value lies in the measured interval. */
  boolean agrees() {
    return interval().contains(exact());
  }
}
