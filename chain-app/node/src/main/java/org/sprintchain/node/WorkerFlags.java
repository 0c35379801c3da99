package org.sprintchain.node;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.sprintchain.node.worker.ByzantineMode;
import org.sprintchain.node.worker.WorkerOptions;

/** NodeMain's sprint worker flags. The worker runs when both --rpc and --worker-key are given. */
final class WorkerFlags {
  static final String USAGE =
      String.join(
          "\n",
          "  Sprint worker (runs when --rpc and --worker-key are both given):",
          "  --rpc URL              this node's CometBFT RPC, e.g. http://127.0.0.1:26657",
          "  --worker-key FILE      the node's priv_validator_key.json (consensus key and operator)",
          "  --compute-share S      use a fraction S in (0, 1] of the worker's speed (default 1)",
          "  --nonce-rate R         at most R nonces/s at share 1 (default 0: no cap)",
          "  --byzantine MODE       misbehave for research: fake-winners, lazy, withhold, copy,",
          "                         forge-digests (default none)",
          "  --backend B            model backend: auto, cpu, vector, cuda (default auto)",
          "  --no-worker            never run the worker");

  private String rpc;
  private String keyFile;
  private double share = 1;
  private long rate;
  private ByzantineMode mode = ByzantineMode.NONE;
  private String backend = "auto";
  private boolean disabled;

  boolean accepts(String flag) {
    return switch (flag) {
      case "--rpc", "--worker-key", "--compute-share", "--nonce-rate", "--byzantine", "--backend" ->
          true;
      default -> false;
    };
  }

  void set(String flag, String value) {
    switch (flag) {
      case "--rpc" -> rpc = value;
      case "--worker-key" -> keyFile = value;
      case "--compute-share" -> share = number(flag, value);
      case "--nonce-rate" -> rate = (long) number(flag, value);
      case "--byzantine" -> mode = ByzantineMode.parse(value);
      case "--backend" -> backend = value;
      default -> throw new IllegalArgumentException("unknown worker flag " + flag);
    }
  }

  void disable() {
    disabled = true;
  }

  Optional<WorkerOptions> build(Path home) {
    if (disabled || rpc == null || keyFile == null) {
      if (!disabled && (rpc == null) != (keyFile == null)) {
        throw new IllegalArgumentException("the sprint worker needs both --rpc and --worker-key");
      }
      return Optional.empty();
    }
    return Optional.of(
        new WorkerOptions(
            URI.create(rpc),
            Path.of(keyFile),
            share,
            rate,
            mode,
            backend,
            home.resolve("worker-status.json")));
  }

  private static double number(String flag, String value) {
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(flag + " needs a number, got '" + value + "'");
    }
  }
}
