package org.sprintchain.pocw.audit;

import java.math.BigInteger;

/**
 * How likely sampling catches a cheater, exactly, in integers.
 *
 * <p>A worker commits {@code W} leaves of which {@code F} are bad (fake winners, duplicates, or
 * anything else that fails to open and recompute). The auditors open {@code k} distinct leaves
 * chosen uniformly ({@link AuditSampler}). All {@code k} miss the bad ones with the hypergeometric
 * probability
 *
 * <pre>P_miss(W, F, k) = C(W − F, k) / C(W, k) = Π_{i=0}^{k−1} (W − F − i) / (W − i)</pre>
 *
 * which is 0 once {@code k > W − F}. As {@code W → ∞} with {@code F = f·W} it rises to the binomial
 * bound {@code (1 − f)^k}, so the {@code k} of {@link #samplesNeededAnyW} is enough for every W.
 * Detection is {@code 1 − P_miss}; probabilities are given as exact fractions and targets in parts
 * per million (99.99% = 999 900).
 *
 * <p>For 99.99% detection, {@code (1 − f)^k ≤ 10^−4} needs k = 917 at f = 1%, 180 at 5% and 42 at
 * 20% (pinned by DetectionMathTest). One failed sample is proof (the model is bit-exact), so there
 * is no binomial tolerance to pay for as in Gonka.
 */
public final class DetectionMath {
  private static final long PPM = 1_000_000;
  private static final BigInteger BIG_PPM = BigInteger.valueOf(PPM);

  private DetectionMath() {}

  /**
   * An exact non-negative fraction.
   *
   * @param numerator the numerator
   * @param denominator the denominator, positive
   */
  public record Fraction(BigInteger numerator, BigInteger denominator) {
    /** {@code floor(this · 10^6)}, for reports. */
    public long ppmFloor() {
      return numerator.multiply(BIG_PPM).divide(denominator).longValueExact();
    }

    /** True when this fraction is at most {@code ppm / 10^6}. */
    public boolean atMostPpm(long ppm) {
      return numerator.multiply(BIG_PPM).compareTo(denominator.multiply(BigInteger.valueOf(ppm)))
          <= 0;
    }
  }

  /** {@code P_miss(W, F, k)}, reduced; {@code 0 <= F <= W}, {@code 0 <= k <= W}. */
  public static Fraction missProbability(long winners, long fakes, long k) {
    if (winners < 1 || fakes < 0 || fakes > winners || k < 0 || k > winners) {
      throw new IllegalArgumentException("need 0 <= fakes, k <= winners, winners >= 1");
    }
    BigInteger num = BigInteger.ONE;
    BigInteger den = BigInteger.ONE;
    for (long i = 0; i < k; i++) {
      long good = winners - fakes - i;
      if (good <= 0) {
        return new Fraction(BigInteger.ZERO, BigInteger.ONE);
      }
      num = num.multiply(BigInteger.valueOf(good));
      den = den.multiply(BigInteger.valueOf(winners - i));
    }
    BigInteger g = num.gcd(den);
    return new Fraction(num.divide(g), den.divide(g));
  }

  /**
   * The fewest bad leaves that make up at least {@code fakeBps} of {@code W}: {@code
   * ceil(W·bps/10^4)}.
   */
  public static long fakesAtLeast(long winners, int fakeBps) {
    if (winners < 1 || fakeBps < 1 || fakeBps > 10_000) {
      throw new IllegalArgumentException("winners " + winners + ", fake bps " + fakeBps);
    }
    return BigInteger.valueOf(winners)
        .multiply(BigInteger.valueOf(fakeBps))
        .add(BigInteger.valueOf(9_999))
        .divide(BigInteger.valueOf(10_000))
        .longValueExact();
  }

  /**
   * The smallest {@code k} with detection at least {@code detectionPpm / 10^6} against a worker
   * with {@code W} winners of which at least {@code fakeBps} basis points are bad (the fewest such
   * is the hardest case: fewer bad leaves are harder to hit). At most {@code W}.
   */
  public static long samplesNeeded(long winners, int fakeBps, long detectionPpm) {
    requirePpm(detectionPpm);
    long fakes = fakesAtLeast(winners, fakeBps);
    long allowedMiss = PPM - detectionPpm;
    BigInteger num = BigInteger.ONE;
    BigInteger den = BigInteger.ONE;
    for (long k = 1; k <= winners; k++) {
      long good = winners - fakes - (k - 1);
      if (good <= 0) {
        return k;
      }
      num = num.multiply(BigInteger.valueOf(good));
      den = den.multiply(BigInteger.valueOf(winners - (k - 1)));
      if (num.multiply(BIG_PPM).compareTo(den.multiply(BigInteger.valueOf(allowedMiss))) <= 0) {
        return k;
      }
    }
    return winners;
  }

  /**
   * The smallest {@code k} with {@code (1 − f)^k ≤ 1 − detection}, {@code f = fakeBps / 10^4}: the
   * binomial limit, enough for any {@code W} (and for {@code W ≤ k}, where every leaf is opened).
   */
  public static long samplesNeededAnyW(int fakeBps, long detectionPpm) {
    requirePpm(detectionPpm);
    if (fakeBps < 1 || fakeBps > 10_000) {
      throw new IllegalArgumentException("fake bps " + fakeBps + " outside [1, 10000]");
    }
    if (fakeBps == 10_000) {
      return 1;
    }
    // (10^4 − b)^k · 10^6 ≤ 10^{4k} · (10^6 − ppm)
    BigInteger good = BigInteger.valueOf(10_000 - fakeBps);
    BigInteger all = BigInteger.valueOf(10_000);
    BigInteger allowed = BigInteger.valueOf(PPM - detectionPpm);
    BigInteger num = BigInteger.ONE;
    BigInteger den = BigInteger.ONE;
    for (long k = 1; ; k++) {
      num = num.multiply(good);
      den = den.multiply(all);
      if (num.multiply(BIG_PPM).compareTo(den.multiply(allowed)) <= 0) {
        return k;
      }
    }
  }

  private static void requirePpm(long detectionPpm) {
    if (detectionPpm < 1 || detectionPpm >= PPM) {
      throw new IllegalArgumentException("detection ppm " + detectionPpm + " outside [1, 999999]");
    }
  }
}
