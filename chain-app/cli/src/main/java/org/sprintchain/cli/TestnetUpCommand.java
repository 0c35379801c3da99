package org.sprintchain.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import org.sprintchain.testnet.LocalTestnet;
import org.sprintchain.testnet.NodeProcess;
import org.sprintchain.testnet.PortAllocator;
import org.sprintchain.testnet.TestnetConfig;
import org.sprintchain.testnet.TestnetException;
import org.sprintchain.testnet.TestnetManifest;

final class TestnetUpCommand extends LeafCommand {
  @Override
  public String name() {
    return "up";
  }

  @Override
  public String summary() {
    return "create (first time) and start a local testnet";
  }

  @Override
  public String usage() {
    return """
        Usage: bin/sprint testnet up [--validators N] [--dir D] [--base-port P] [--app sprint|kvstore]

        Creates a testnet of N validators on 127.0.0.1 in D (first time only: CometBFT homes, one
        shared genesis funding the 'demo' key and one 'validatorI' key per node, configs with
        persistent peers, 500 ms blocks), starts every node in the background (one app JVM and
        one CometBFT each; they keep running after this command exits) and waits for height 2.
        Running it again after 'testnet down' restarts the same chain with its data.

        Ports: node I uses P+10*I (p2p), P+10*I+1 (RPC), P+10*I+2 (ABCI).
        Logs and pid files: D/nodeI/{app,cometbft}.{log,pid}. Keys: D/keys.

        Options:
          --validators N   number of validators (default 1; only when creating)
          --dir D          testnet folder (default <repo>/.testnet)
          --base-port P    first port (default 26656; only when creating)
          --app A          sprint (default) or kvstore (CometBFT's example app, for baselines)
        """;
  }

  @Override
  Set<String> options() {
    return Set.of("validators", "dir", "base-port", "app");
  }

  @Override
  int execute(Args args, CliContext ctx) {
    args.noPositionals();
    Path dir = TestnetCommands.dir(args, ctx);
    LocalTestnet testnet;
    if (TestnetManifest.existsIn(dir)) {
      testnet = LocalTestnet.open(dir);
      int existing = testnet.nodes().size();
      if (args.intOption("validators").filter(n -> n != existing).isPresent()
          || args.option("base-port").isPresent()
          || args.option("app").isPresent()) {
        throw new TestnetException(
            "a testnet with "
                + existing
                + " validator(s) already exists in "
                + dir
                + "; --validators, --base-port and --app apply only when creating one."
                + " Wipe it first with 'bin/sprint testnet reset'");
      }
      ctx.err().println("starting the existing testnet in " + dir);
    } else {
      int validators = args.intOption("validators").orElse(1);
      if (validators < 1 || validators > PortAllocator.MAX_NODES) {
        throw new UsageException(
            "--validators must be in [1, " + PortAllocator.MAX_NODES + "], got " + validators);
      }
      int basePort = args.intOption("base-port").orElse(PortAllocator.DEFAULT_BASE_PORT);
      TestnetConfig config =
          TestnetConfig.of(dir, validators).withBasePort(basePort).withApp(app(args));
      ctx.err().println("creating a " + validators + "-validator testnet in " + dir);
      testnet = LocalTestnet.init(config);
    }
    testnet.start(LocalTestnet.DEFAULT_START_TIMEOUT);
    ctx.out().println("testnet '" + testnet.chainId() + "' is up (" + dir + ")");
    for (NodeProcess node : testnet.nodes()) {
      ctx.out().println("  " + node.name() + " RPC: " + node.rpcUrl());
    }
    ctx.out().println("demo key: demo  address: " + testnet.demoAddress());
    ctx.out().println("try:      bin/sprint tx send --from demo --to validator0 --amount 10");
    return 0;
  }

  private static TestnetConfig.App app(Args args) {
    String app = args.option("app").orElse("sprint");
    try {
      return TestnetConfig.App.valueOf(app.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new UsageException("--app must be sprint or kvstore, got '" + app + "'");
    }
  }
}
