package org.sprintchain.testnet.load;

import java.util.Locale;

/**
 * What a {@code load} run sends. Today only signed transfers; {@code inference} requests come with
 * the inference market and are refused with a message that says so, as is anything unknown.
 */
public enum LoadMix {
  /** One-message {@code MsgSend}s between funded load accounts ({@link TransferTxSource}). */
  TRANSFERS;

  /**
   * Parses {@code --mix}: a comma list of kinds, each optionally with a weight ({@code
   * transfers=1}).
   *
   * @throws IllegalArgumentException for {@code inference}, an unknown kind or a bad weight
   */
  public static LoadMix parse(String text) {
    boolean transfers = false;
    for (String part : text.split(",", -1)) {
      String item = part.strip().toLowerCase(Locale.ROOT);
      String kind = item.contains("=") ? item.substring(0, item.indexOf('=')) : item;
      if (item.contains("=")) {
        String weight = item.substring(item.indexOf('=') + 1);
        if (!weight.matches("[0-9]{1,6}")) {
          throw new IllegalArgumentException(
              "--mix weight of '"
                  + kind
                  + "' must be a non-negative integer, got '"
                  + weight
                  + "'");
        }
      }
      switch (kind) {
        case "transfers", "transfer" -> transfers = true;
        case "inference" ->
            throw new IllegalArgumentException(
                "--mix inference is not available yet: inference requests need the inference"
                    + " market, which comes with a later issue. Use --mix transfers");
        default ->
            throw new IllegalArgumentException(
                "--mix: unknown kind '" + kind + "'; the only kind today is 'transfers'");
      }
    }
    if (!transfers) {
      throw new IllegalArgumentException("--mix needs at least 'transfers'");
    }
    return TRANSFERS;
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
