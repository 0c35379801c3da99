package org.sprintchain.testnet.load;

import java.util.Locale;

/**
 * What a {@code load} run sends: signed transfers and paid inference requests, in proportion to
 * their weights. {@code --mix transfers} (the default) sends only {@code MsgSend}s; {@code --mix
 * transfers=3,inference=1} makes every fourth tx an inference request on the testnet's synthetic
 * model ({@link TransferTxSource}).
 *
 * @param transfers weight of transfers
 * @param inference weight of inference requests
 */
public record LoadMix(int transfers, int inference) {
  public static final LoadMix TRANSFERS = new LoadMix(1, 0);

  public LoadMix {
    if (transfers < 0 || inference < 0 || transfers + inference == 0) {
      throw new IllegalArgumentException("--mix needs at least one kind with a positive weight");
    }
  }

  /**
   * Parses {@code --mix}: a comma list of kinds ({@code transfers}, {@code inference}), each
   * optionally with a weight ({@code transfers=3}); a kind without a weight counts 1.
   *
   * @throws IllegalArgumentException for an unknown kind, a repeated kind or a bad weight
   */
  public static LoadMix parse(String text) {
    int transfers = -1;
    int inference = -1;
    for (String part : text.split(",", -1)) {
      String item = part.strip().toLowerCase(Locale.ROOT);
      String kind = item.contains("=") ? item.substring(0, item.indexOf('=')) : item;
      int weight = 1;
      if (item.contains("=")) {
        String w = item.substring(item.indexOf('=') + 1);
        if (!w.matches("[0-9]{1,6}")) {
          throw new IllegalArgumentException(
              "--mix weight of '" + kind + "' must be a non-negative integer, got '" + w + "'");
        }
        weight = Integer.parseInt(w);
      }
      switch (kind) {
        case "transfers", "transfer" -> {
          if (transfers >= 0) {
            throw new IllegalArgumentException("--mix names transfers twice");
          }
          transfers = weight;
        }
        case "inference" -> {
          if (inference >= 0) {
            throw new IllegalArgumentException("--mix names inference twice");
          }
          inference = weight;
        }
        default ->
            throw new IllegalArgumentException(
                "--mix: unknown kind '" + kind + "'; the kinds are 'transfers' and 'inference'");
      }
    }
    return new LoadMix(Math.max(transfers, 0), Math.max(inference, 0));
  }

  /** True when tx number {@code n} of a stream is an inference request. */
  public boolean inferenceAt(long n) {
    long period = (long) transfers + inference;
    return n % period >= transfers;
  }

  public String label() {
    if (inference == 0) {
      return "transfers";
    }
    if (transfers == 0) {
      return "inference";
    }
    return "transfers=" + transfers + ",inference=" + inference;
  }
}
