package org.sprintchain.testnet.audit;

/**
 * A Wilson score interval for a binomial proportion. Unlike the normal approximation it stays
 * inside [0, 1] and is not empty when every trial succeeded, which is the usual case here.
 *
 * @param low the lower bound
 * @param high the upper bound
 */
record WilsonInterval(double low, double high) {
  /** The interval for {@code successes} of {@code trials} at normal quantile {@code z}. */
  static WilsonInterval of(long successes, long trials, double z) {
    if (trials < 1 || successes < 0 || successes > trials) {
      throw new IllegalArgumentException(successes + " of " + trials);
    }
    double n = trials;
    double p = successes / n;
    double z2 = z * z;
    double denominator = 1 + z2 / n;
    double center = (p + z2 / (2 * n)) / denominator;
    double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
    return new WilsonInterval(Math.max(0, center - half), Math.min(1, center + half));
  }

  /** Whether {@code x} lies in the closed interval (with a little slack for rounding). */
  boolean contains(double x) {
    double slack = 1e-12;
    return x >= low - slack && x <= high + slack;
  }
}
