package org.sprintchain.cli;

import java.util.Set;
import org.sprintchain.node.NodeMain;

final class NodeStartCommand extends LeafCommand {
  static final String DEFAULT_ABCI = "tcp://127.0.0.1:26658";

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
        Usage: bin/sprint node start --home H [--abci ADDR]

        Runs the Sprintchain app (org.sprintchain.node.NodeMain) in the foreground, with its data
        in H/data, serving ABCI on ADDR. Start CometBFT separately with
          .tools/bin/cometbft start --home CMTHOME --proxy_app ADDR
        ('bin/sprint testnet up' does both for you, for 1..N nodes).

        Options:
          --home H      app home folder (required)
          --abci ADDR   ABCI listen address (default tcp://127.0.0.1:26658)
        """;
  }

  @Override
  Set<String> options() {
    return Set.of("home", "abci");
  }

  @Override
  int execute(Args args, CliContext ctx) {
    args.noPositionals();
    String home = args.required("home");
    String abci = args.option("abci").orElse(DEFAULT_ABCI);
    NodeMain.main(new String[] {"--home", home, "--abci", abci});
    return 0;
  }
}
