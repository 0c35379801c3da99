package org.sprintchain.testnet;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The proof-of-compute-work knobs a researcher picks for a testnet, recorded in {@code
 * testnet.json}. With {@code enabled}, {@link #params(int)} becomes the genesis {@code
 * app_state.sprint.params} and every node runs a sprint worker.
 *
 * @param epochLength blocks per epoch (a sprint begins every {@code epochLength} blocks)
 * @param preset the sprint model size
 * @param enabled whether the chain runs sprints (voting power from verified work)
 */
public record SprintSettings(long epochLength, Preset preset, boolean enabled) {
  public static final long DEFAULT_EPOCH_LENGTH = 50;
  public static final long MIN_SPRINT_EPOCH_LENGTH = 20;
  public static final long MAX_EPOCH_LENGTH = 1_000_000;

  /**
   * No sprints: the chain keeps its genesis validators and pays fees to proposers. Programmatic
   * testnets (benchmarks, the older acceptance tests) and manifests written before sprints existed
   * read as this; {@code bin/sprint testnet up} turns sprints on.
   */
  public static final SprintSettings DEFAULT =
      new SprintSettings(DEFAULT_EPOCH_LENGTH, Preset.TINY, false);

  /** Sprints on, with the given epoch length and preset. */
  public SprintSettings(long epochLength, Preset preset) {
    this(epochLength, preset, true);
  }

  /** Model size presets, named as on the command line. */
  public enum Preset {
    /** The test model: milliseconds per nonce on one core. */
    TINY("tiny"),
    /** A small model for CPU-only testnets. */
    CPU_SMALL("cpu-small");

    private final String label;

    Preset(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    /**
     * @throws IllegalArgumentException naming the allowed labels
     */
    public static Preset parse(String label) {
      for (Preset p : values()) {
        if (p.label.equals(label.toLowerCase(Locale.ROOT))) {
          return p;
        }
      }
      throw new IllegalArgumentException(
          "preset must be one of "
              + Arrays.stream(values()).map(Preset::label).collect(Collectors.joining(", "))
              + ", got '"
              + label
              + "'");
    }
  }

  public SprintSettings {
    if (epochLength < 1 || epochLength > MAX_EPOCH_LENGTH) {
      throw new IllegalArgumentException(
          "epoch-length must be in [1, " + MAX_EPOCH_LENGTH + "] blocks, got " + epochLength);
    }
    if (preset == null) {
      throw new IllegalArgumentException("preset is required");
    }
    if (enabled && epochLength < MIN_SPRINT_EPOCH_LENGTH) {
      throw new IllegalArgumentException(
          "epoch-length must be at least "
              + MIN_SPRINT_EPOCH_LENGTH
              + " blocks with sprints (commit 3, reveal 6, audit 3 and settle 4 blocks, and at"
              + " least 4 of generation), got "
              + epochLength);
    }
  }

  /**
   * The sprint params of a testnet of {@code validators} nodes: commit 3, reveal 6, audit 3, settle
   * 4 blocks and the rest generation; 1 in 16 nonces wins with the tiny model (1 in 4 with
   * cpu-small, which is ~50 times slower); 16 samples and 2 auditors per worker; a set is replaced
   * once two thirds of the workers pass, with the cap set so they can respect it.
   */
  public org.sprintchain.pocw.SprintParams params(int validators) {
    int minWorkers = Math.max(1, (2 * validators + 2) / 3);
    int capBps = Math.max(3_000, (10_000 + minWorkers - 1) / minWorkers);
    return new org.sprintchain.pocw.SprintParams(
        epochLength,
        epochLength - 16,
        3,
        6,
        3,
        preset.label(),
        org.sprintchain.pocw.DifficultyTarget.oneIn(preset == Preset.TINY ? 16 : 4),
        capBps,
        16,
        2,
        2,
        new org.sprintchain.pocw.EmissionParams(1_000_000, 100_000),
        new org.sprintchain.pocw.SlashParams(1_000, 5_000, 1_000, 100, 5_000),
        minWorkers,
        50_000_000);
  }

  /** The epoch of {@code height}: heights 1..B are epoch 0, B+1..2B epoch 1, and so on. */
  public long epochOf(long height) {
    return height < 1 ? 0 : (height - 1) / epochLength;
  }

  /** The first height of {@code epoch}. */
  public long firstHeightOf(long epoch) {
    return epoch * epochLength + 1;
  }
}
