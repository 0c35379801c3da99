package org.sprintchain.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.sprintchain.node.NodeMain;

final class NodeStartCommand extends LeafCommand {
  static final String DEFAULT_ABCI = "tcp://127.0.0.1:26658";

  /** Options handed to NodeMain as they are (it checks them). */
  private static final List<String> PASSED_ON =
      List.of(
          "keep-recent",
          "keep-every",
          "snapshot-interval",
          "snapshot-keep",
          "snapshot-chunk-bytes");

  @Override
  public String name() {
    return "start";
  }

  @Override
  public String summary() {
    return "run the Sprintchain app of one node in the foreground";
  }

  @Override
  public String usage() {
    return """
        Usage: bin/sprint node start --home H [--abci ADDR] [--keep-recent N [--keep-every M]]
                 [--snapshot-interval K] [--snapshot-keep S] [--snapshot-chunk-bytes B]

        Runs the Sprintchain app (org.sprintchain.node.NodeMain) in the foreground, with its data
        in H/data, serving ABCI on ADDR. Start CometBFT separately with
          .tools/bin/cometbft start --home CMTHOME --proxy_app ADDR
        ('bin/sprint testnet up' does both for you, for 1..N nodes).

        Options:
          --home H      app home folder (required)
          --abci ADDR   ABCI listen address (default tcp://127.0.0.1:26658)
          --keep-recent N, --keep-every M
                        prune state versions (default: keep all); see chain-app/node/README.md
          --snapshot-interval K, --snapshot-keep S, --snapshot-chunk-bytes B
                        state-sync snapshots every K versions (default 100; 0: none), the S
                        newest offered (default 2), chunks of at most B bytes (default 4 MiB)
        """;
  }

  @Override
  Set<String> options() {
    Set<String> all = new java.util.TreeSet<>(PASSED_ON);
    all.add("home");
    all.add("abci");
    return Set.copyOf(all);
  }

  @Override
  int execute(Args args, CliContext ctx) {
    args.noPositionals();
    String home = args.required("home");
    String abci = args.option("abci").orElse(DEFAULT_ABCI);
    List<String> argv = new ArrayList<>(List.of("--home", home, "--abci", abci));
    for (String option : PASSED_ON) {
      args.option(option).ifPresent(v -> argv.addAll(List.of("--" + option, v)));
    }
    NodeMain.main(argv.toArray(String[]::new));
    return 0;
  }
}
