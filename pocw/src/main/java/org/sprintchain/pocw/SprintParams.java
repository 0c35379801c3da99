package org.sprintchain.pocw;

import java.util.regex.Pattern;

/**
 * The sprint protocol's parameters (genesis {@code app_state.sprint}). Every field is validated on
 * construction and a failure names the field ({@link InvalidParamsException#field()}).
 *
 * <p>An epoch of {@code epoch_length} blocks is split, in order, into GENERATION ({@code
 * generation_blocks}), COMMIT ({@code commit_deadline} blocks, whose last height is the commit
 * deadline), REVEAL ({@code reveal_blocks}), AUDIT ({@code audit_blocks}) and SETTLE (the rest, at
 * least one block), see {@code schedule.SprintSchedule}.
 *
 * @param epochLength blocks per epoch
 * @param generationBlocks blocks of the generation phase
 * @param commitDeadline blocks of the commit window after generation
 * @param revealBlocks blocks of the reveal window
 * @param auditBlocks blocks of the audit window (auditor reports, disputes opened)
 * @param modelPreset the sprint model's preset name, e.g. {@code tiny}; the chain app checks that
 *     the runtime knows it (this module depends on the JDK only)
 * @param difficultyTarget a digest wins iff it is below this
 * @param maxPowerShareBps the largest share of the total voting power one worker may hold, in basis
 *     points (2000 = 20%)
 * @param samplesPerWorker k, winners opened per worker per epoch
 * @param auditorsPerWorker auditors that recompute each worker's k samples
 * @param jailEpochs epochs a penalized worker sits out after the epoch of its failure
 * @param emission the per-epoch emission schedule
 * @param slash deposits, slashing and dispute bonds
 * @param minWorkers fewest passing workers for a sprint to replace the validator set
 * @param disputeBudgetPerBlock work units (MACs plus generated weights) of dispute re-execution
 *     that one FinalizeBlock may spend
 */
public record SprintParams(
    long epochLength,
    long generationBlocks,
    long commitDeadline,
    long revealBlocks,
    long auditBlocks,
    String modelPreset,
    DifficultyTarget difficultyTarget,
    int maxPowerShareBps,
    int samplesPerWorker,
    int auditorsPerWorker,
    long jailEpochs,
    EmissionParams emission,
    SlashParams slash,
    int minWorkers,
    long disputeBudgetPerBlock) {
  /** The longest phase or epoch, in blocks; keeps every height sum far inside int64. */
  public static final long MAX_BLOCKS = 1_000_000_000L;

  /** The most samples per worker; bounds reveal and audit message sizes. */
  public static final int MAX_SAMPLES = 10_000;

  /** The most auditors per worker. */
  public static final int MAX_AUDITORS = 100;

  private static final Pattern PRESET = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

  /** Validates every field, naming the first bad one. */
  public SprintParams {
    InvalidParamsException.requireRange("sprint.epoch_length", epochLength, 5, MAX_BLOCKS);
    InvalidParamsException.requireRange(
        "sprint.generation_blocks", generationBlocks, 1, MAX_BLOCKS);
    InvalidParamsException.requireRange("sprint.commit_deadline", commitDeadline, 1, MAX_BLOCKS);
    InvalidParamsException.requireRange("sprint.reveal_blocks", revealBlocks, 1, MAX_BLOCKS);
    InvalidParamsException.requireRange("sprint.audit_blocks", auditBlocks, 1, MAX_BLOCKS);
    long busy = generationBlocks + commitDeadline + revealBlocks + auditBlocks;
    if (busy >= epochLength) {
      throw new InvalidParamsException(
          "sprint.epoch_length",
          epochLength
              + " leaves no SETTLE block after "
              + busy
              + " blocks of generation, commit, reveal and audit");
    }
    if (modelPreset == null || !PRESET.matcher(modelPreset).matches()) {
      throw new InvalidParamsException(
          "sprint.model_preset", "'" + modelPreset + "' is not [a-z0-9][a-z0-9-]{0,31}");
    }
    if (difficultyTarget == null) {
      throw new InvalidParamsException("sprint.difficulty_target", "missing");
    }
    InvalidParamsException.requireRange("sprint.max_power_share_bps", maxPowerShareBps, 1, 10_000);
    InvalidParamsException.requireRange(
        "sprint.samples_per_worker", samplesPerWorker, 1, MAX_SAMPLES);
    InvalidParamsException.requireRange(
        "sprint.auditors_per_worker", auditorsPerWorker, 1, MAX_AUDITORS);
    InvalidParamsException.requireRange("sprint.jail_epochs", jailEpochs, 0, MAX_BLOCKS);
    if (emission == null) {
      throw new InvalidParamsException("sprint.emission", "missing");
    }
    if (slash == null) {
      throw new InvalidParamsException("sprint.slash", "missing");
    }
    InvalidParamsException.requireRange("sprint.min_workers", minWorkers, 1, 1_000_000);
    InvalidParamsException.requireRange(
        "sprint.dispute_budget_per_block", disputeBudgetPerBlock, 1, Long.MAX_VALUE);
  }

  /**
   * Small, fast parameters for unit tests and a 4-validator loopback testnet: 40-block epochs, the
   * tiny model, 1 in 64 nonces wins, a 30% cap and 4 minimum workers (4 · 30% ≥ 100%, so any set
   * that replaces the previous one can respect the cap).
   */
  public static SprintParams testnetDefaults() {
    return new SprintParams(
        40,
        20,
        5,
        5,
        5,
        "tiny",
        DifficultyTarget.oneIn(64),
        3_000,
        180,
        2,
        2,
        new EmissionParams(1_000_000, 100_000),
        new SlashParams(1_000, 5_000, 1_000, 100, 5_000),
        4,
        50_000_000);
  }

  /** Blocks of the SETTLE phase: the rest of the epoch. */
  public long settleBlocks() {
    return epochLength - generationBlocks - commitDeadline - revealBlocks - auditBlocks;
  }
}
