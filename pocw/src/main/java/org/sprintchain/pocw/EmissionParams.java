package org.sprintchain.pocw;

/**
 * The per-epoch emission and its decay (see {@code reward.EmissionSchedule} for the formula).
 *
 * @param initialPerEpoch tokens minted for epoch 0
 * @param halvingEpochs epochs over which the emission halves (the half-life); within a half-life it
 *     falls linearly, so it never jumps
 */
public record EmissionParams(long initialPerEpoch, long halvingEpochs) {
  /** Validates; the bound keeps every cumulative emission inside int64 (it is below 2·I·H). */
  public EmissionParams {
    InvalidParamsException.requireRange(
        "sprint.emission.initial_per_epoch", initialPerEpoch, 0, Long.MAX_VALUE);
    InvalidParamsException.requireRange(
        "sprint.emission.halving_epochs", halvingEpochs, 1, Long.MAX_VALUE);
    try {
      Math.multiplyExact(Math.multiplyExact(initialPerEpoch, halvingEpochs), 2L);
    } catch (ArithmeticException e) {
      throw new InvalidParamsException(
          "sprint.emission",
          "2 * initial_per_epoch * halving_epochs exceeds int64 (the total emission bound)");
    }
  }

  /** An upper bound on the tokens ever emitted: {@code 2 · initial · halving_epochs}. */
  public long totalEmissionBound() {
    return 2 * initialPerEpoch * halvingEpochs;
  }
}
