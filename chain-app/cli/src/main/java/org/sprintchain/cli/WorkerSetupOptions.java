package org.sprintchain.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.sprintchain.testnet.SprintSetup;

/**
 * {@code testnet up}'s worker flags: {@code --compute-shares 1,1,0.5,0.25}, {@code --nonce-rate R}
 * and {@code --byzantine node3=fake-winners,...}, turned into per-node NodeMain flags.
 */
final class WorkerSetupOptions {
  private static final List<String> MODES =
      List.of("none", "fake-winners", "lazy", "withhold", "copy", "forge-digests");

  private WorkerSetupOptions() {}

  static boolean given(Args args) {
    return args.option("compute-shares").isPresent()
        || args.option("nonce-rate").isPresent()
        || args.option("byzantine").isPresent()
        || args.flag("no-sprints");
  }

  static SprintSetup setup(Args args, int validators) {
    Map<String, List<String>> perNode = new TreeMap<>();
    for (int i = 0; i < validators; i++) {
      perNode.put("node" + i, new ArrayList<>());
    }
    String shares = args.option("compute-shares").orElse(defaultShares(validators));
    shares(shares, perNode, validators);
    args.option("nonce-rate")
        .ifPresent(
            rate -> {
              if (!rate.matches("[0-9]{1,9}")) {
                throw new UsageException("--nonce-rate must be a whole number, got '" + rate + "'");
              }
              perNode.values().forEach(a -> a.addAll(List.of("--nonce-rate", rate)));
            });
    args.option("byzantine").ifPresent(list -> byzantine(list, perNode));
    SprintSetup setup = SprintSetup.DEFAULT;
    for (var e : perNode.entrySet()) {
      if (!e.getValue().isEmpty()) {
        setup = setup.withNodeArgs(e.getKey(), e.getValue());
      }
    }
    return setup;
  }

  /**
   * Without --compute-shares each worker uses a quarter of its speed: a testnet's N workers share
   * one machine with N CometBFTs and N apps, and block production must not starve.
   */
  static String defaultShares(int validators) {
    return String.join(",", java.util.Collections.nCopies(validators, DEFAULT_SHARE));
  }

  static final String DEFAULT_SHARE = "0.25";

  private static void shares(String list, Map<String, List<String>> perNode, int validators) {
    String[] parts = list.split(",");
    if (parts.length != validators) {
      throw new UsageException(
          "--compute-shares needs one share per validator (" + validators + "), got " + list);
    }
    for (int i = 0; i < parts.length; i++) {
      double share;
      try {
        share = Double.parseDouble(parts[i].trim());
      } catch (NumberFormatException e) {
        throw new UsageException("--compute-shares: '" + parts[i] + "' is not a number");
      }
      if (!(share > 0 && share <= 1)) {
        throw new UsageException("--compute-shares: each share must be in (0, 1], got " + share);
      }
      perNode.get("node" + i).addAll(List.of("--compute-share", Double.toString(share)));
    }
  }

  private static void byzantine(String list, Map<String, List<String>> perNode) {
    for (String entry : list.split(",")) {
      String[] kv = entry.trim().split("=", 2);
      if (kv.length != 2 || !perNode.containsKey(kv[0])) {
        throw new UsageException(
            "--byzantine takes NODE=MODE with NODE one of node0..node"
                + (perNode.size() - 1)
                + ", got '"
                + entry
                + "'");
      }
      if (!MODES.contains(kv[1])) {
        throw new UsageException(
            "--byzantine: unknown mode '" + kv[1] + "' (" + String.join(", ", MODES) + ")");
      }
      perNode.get(kv[0]).addAll(List.of("--byzantine", kv[1]));
    }
  }
}
