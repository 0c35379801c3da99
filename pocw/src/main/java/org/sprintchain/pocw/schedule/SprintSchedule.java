package org.sprintchain.pocw.schedule;

import org.sprintchain.pocw.SprintParams;

/**
 * The sprint schedule: a pure function of the height. Epoch {@code e} covers heights {@code [h0 +
 * e·E, h0 + (e+1)·E − 1]} where {@code h0} is the chain's initial height (CometBFT's {@code
 * initial_height}, usually 1) and {@code E} is {@code epoch_length}. Inside an epoch the phases run
 * GENERATION, COMMIT, REVEAL, AUDIT for their configured lengths and SETTLE takes what is left (at
 * least one block), so {@code E} need not be a multiple of anything.
 *
 * <p>Heights that matter:
 *
 * <ul>
 *   <li>{@link #seedHeight}: the epoch's first height. The sprint seed is the hash of that block,
 *       delivered to the app as {@code RequestFinalizeBlock.hash} at that height.
 *   <li>{@link #commitDeadline}: the last height at which MsgSprintCommit is accepted.
 *   <li>{@link #auditSeedHeight}: the first height after the deadline. Its block hash is the audit
 *       seed.
 *   <li>{@link #settleHeight}: the epoch's last height; its FinalizeBlock returns the new validator
 *       set, which CometBFT applies at {@code settleHeight + 2} ({@link #powerEffectiveHeight}).
 * </ul>
 */
public final class SprintSchedule {
  private static final Phase[] PHASES = Phase.values();

  private final long initialHeight;
  private final long epochLength;
  private final long[] phaseOffsets;

  /** The schedule of a chain whose first block is {@code initialHeight} (at least 1). */
  public SprintSchedule(SprintParams params, long initialHeight) {
    if (initialHeight < 1) {
      throw new IllegalArgumentException("initial height " + initialHeight + " < 1");
    }
    this.initialHeight = initialHeight;
    this.epochLength = params.epochLength();
    long g = params.generationBlocks();
    long c = g + params.commitDeadline();
    long r = c + params.revealBlocks();
    long a = r + params.auditBlocks();
    // Offsets of each phase's first block within the epoch, plus the epoch length as a sentinel.
    this.phaseOffsets = new long[] {0, g, c, r, a, epochLength};
  }

  /** The position of {@code height}; refuses heights before the first block. */
  public SprintPosition at(long height) {
    if (height < initialHeight) {
      throw new IllegalArgumentException(
          "height " + height + " is before the initial height " + initialHeight);
    }
    long sinceGenesis = height - initialHeight;
    long epoch = sinceGenesis / epochLength;
    long offset = sinceGenesis % epochLength;
    long start = height - offset;
    requireEpochFits(start);
    int p = PHASES.length - 1;
    while (phaseOffsets[p] > offset) {
      p--;
    }
    return new SprintPosition(
        height, epoch, PHASES[p], start + phaseOffsets[p], start + phaseOffsets[p + 1] - 1);
  }

  /** The first height of {@code epoch}. */
  public long epochStart(long epoch) {
    if (epoch < 0) {
      throw new IllegalArgumentException("epoch " + epoch + " < 0");
    }
    long start = Math.addExact(initialHeight, Math.multiplyExact(epoch, epochLength));
    requireEpochFits(start);
    return start;
  }

  /** The first height of {@code phase} in {@code epoch}. */
  public long phaseStart(long epoch, Phase phase) {
    return epochStart(epoch) + phaseOffsets[phase.ordinal()];
  }

  /** The last height of {@code phase} in {@code epoch}. */
  public long phaseEnd(long epoch, Phase phase) {
    return epochStart(epoch) + phaseOffsets[phase.ordinal() + 1] - 1;
  }

  /** The height whose block hash is the sprint seed of {@code epoch}: the epoch's first. */
  public long seedHeight(long epoch) {
    return epochStart(epoch);
  }

  /** The last height at which a commit for {@code epoch} is accepted. */
  public long commitDeadline(long epoch) {
    return phaseEnd(epoch, Phase.COMMIT);
  }

  /** The height whose block hash is the audit seed of {@code epoch}: the deadline + 1. */
  public long auditSeedHeight(long epoch) {
    return phaseStart(epoch, Phase.REVEAL);
  }

  /** The height whose FinalizeBlock settles {@code epoch}: its last. */
  public long settleHeight(long epoch) {
    return phaseEnd(epoch, Phase.SETTLE);
  }

  /** The first height signed by the set chosen at {@link #settleHeight} (CometBFT's H+2 rule). */
  public long powerEffectiveHeight(long epoch) {
    return Math.addExact(settleHeight(epoch), 2);
  }

  private void requireEpochFits(long start) {
    if (start > Long.MAX_VALUE - epochLength) {
      throw new IllegalArgumentException("the epoch starting at " + start + " ends beyond int64");
    }
  }
}
