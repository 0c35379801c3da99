package org.sprintchain.genesis;

/** The chain parameters in {@code app_state.params}. */
public record AppParams(long minFee, long maxTxBytes) {
  public static final AppParams DEFAULT = new AppParams(1, 65_536);

  /** The largest max_tx_bytes we accept: CometBFT's default block max_bytes (21 MiB). */
  public static final long MAX_TX_BYTES_LIMIT = 22_020_096;

  public AppParams {
    if (minFee < 0) {
      throw new GenesisException("app_state.params.min_fee", "must be >= 0, got " + minFee);
    }
    if (maxTxBytes <= 0 || maxTxBytes > MAX_TX_BYTES_LIMIT) {
      throw new GenesisException(
          "app_state.params.max_tx_bytes",
          "must be in [1, " + MAX_TX_BYTES_LIMIT + "], got " + maxTxBytes);
    }
  }
}
