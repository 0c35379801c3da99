package org.sprintchain.pocw.reward;

import java.math.BigInteger;
import org.sprintchain.pocw.EmissionParams;

/**
 * The tokens minted for an epoch, halving every {@code H = halving_epochs} epochs and falling
 * linearly in between, in integers:
 *
 * <pre>
 * h = e / H,  r = e mod H,  base = I >> h   (0 once h ≥ 63)
 * emission(e) = base − floor(base · r / (2H))
 * </pre>
 *
 * It starts at {@code I}, is non-increasing (within a half-life it falls from base to {@code
 * ceil(base/2) ≥ floor(base/2)}, the next half-life's start) and reaches 0 after at most 63
 * half-lives. The piecewise-linear curve touches the exponential {@code I · 2^(−e/H)} at every
 * half-life and stays above it by at most 6.2% in between. The total over all epochs is below
 * {@code 2·I·H} ({@link EmissionParams#totalEmissionBound()}), which params validation keeps in
 * int64. Gonka's 323,000 tokens per epoch with a four-year half-life at one epoch a day is {@code I
 * = 323000, H = 1461}.
 */
public final class EmissionSchedule {
  private EmissionSchedule() {}

  /** The emission of {@code epoch} (≥ 0). */
  public static long emission(EmissionParams params, long epoch) {
    if (epoch < 0) {
      throw new IllegalArgumentException("epoch " + epoch + " < 0");
    }
    long h = epoch / params.halvingEpochs();
    long r = epoch % params.halvingEpochs();
    if (h >= 63) {
      return 0;
    }
    long base = params.initialPerEpoch() >> h;
    long drop =
        BigInteger.valueOf(base)
            .multiply(BigInteger.valueOf(r))
            .divide(BigInteger.valueOf(params.halvingEpochs()).shiftLeft(1))
            .longValueExact();
    return base - drop;
  }
}
