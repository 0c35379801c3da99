package org.sprintchain.testnet;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The proof-of-compute-work knobs a researcher picks for a testnet. The sprint lifecycle is not
 * part of the chain yet, so today these are recorded in {@code testnet.json} and used by the run
 * report to group heights into epochs; the PoCW issue will write them into the genesis params.
 *
 * @param epochLength blocks per epoch (a sprint begins every {@code epochLength} blocks)
 * @param preset the sprint model size
 */
public record SprintSettings(long epochLength, Preset preset) {
  public static final long DEFAULT_EPOCH_LENGTH = 50;
  public static final long MAX_EPOCH_LENGTH = 1_000_000;
  public static final SprintSettings DEFAULT =
      new SprintSettings(DEFAULT_EPOCH_LENGTH, Preset.TINY);

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
