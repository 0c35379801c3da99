package org.sprintchain.pocw.power;

import java.math.BigInteger;
import org.sprintchain.pocw.DifficultyTarget;

/**
 * Verified work: the number of nonce evaluations a worker's winners stand for.
 *
 * <p>Each nonce wins independently with {@code p = target / 2^256}, so a worker that evaluated
 * {@code N} nonces expects {@code N·p} winners, and {@code W / p} is an unbiased estimate of {@code
 * N}:
 *
 * <pre>work = floor(W · 2^256 / target)</pre>
 *
 * computed in {@link BigInteger} and capped at {@code Long.MAX_VALUE}. Its relative standard error
 * is {@code sqrt((1 − p) / W)} (about 3% at 1000 winners), so the target should make honest workers
 * find hundreds of winners per epoch. Only a worker whose audit passed has work; the audit's
 * sampling is what makes {@code W} trustworthy (see {@code audit.DetectionMath}).
 */
public final class VerifiedWork {
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  private VerifiedWork() {}

  /** {@code min(floor(winners · 2^256 / target), Long.MAX_VALUE)}; {@code winners >= 0}. */
  public static long estimate(long winners, DifficultyTarget target) {
    if (winners < 0) {
      throw new IllegalArgumentException("winners " + winners + " < 0");
    }
    BigInteger work = BigInteger.valueOf(winners).shiftLeft(256).divide(target.value());
    return work.min(LONG_MAX).longValueExact();
  }
}
