package org.sprintchain.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import org.sprintchain.testnet.LocalTestnet;
import org.sprintchain.testnet.NodeProcess;
import org.sprintchain.testnet.PortAllocator;
import org.sprintchain.testnet.SprintSettings;
import org.sprintchain.testnet.TestnetConfig;
import org.sprintchain.testnet.TestnetException;
import org.sprintchain.testnet.TestnetManifest;

final class TestnetUpCommand extends LeafCommand {
  static final int DEFAULT_VALIDATORS = 4;

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
        Usage: bin/sprint testnet up [--validators N] [--epoch-length B] [--preset tiny|cpu-small]
                                     [--dir D] [--base-port P] [--app sprint|kvstore]
                                     [--compute-shares S0,S1,..] [--nonce-rate R]
                                     [--byzantine NODE=MODE,..] [--no-sprints]

        Creates a testnet of N validators (default 4) on 127.0.0.1 in D (first time only:
        CometBFT homes, one genesis made and validated by the genesis builder that funds the
        'demo' key and one 'validatorI' key per node, configs with persistent peers, 500 ms
        blocks), starts every node in the background (one app JVM and one CometBFT each; they keep
        running after this command exits), waits until every node has committed block 2, and
        prints each node's RPC URL. Running it again after 'testnet down' restarts the same chain
        with its data.

        Ports: node I uses P+10*I (p2p), P+10*I+1 (RPC), P+10*I+2 (ABCI); a taken port is named.
        Logs and pid files: D/nodeI/{app,cometbft}.{log,pid}. Keys: D/keys.

        Options (all but --dir apply only when creating):
          --validators N     number of validators, 1 to 100 (default 4)
          --epoch-length B   blocks per sprint epoch, at least 20 (default 50): commit 3, reveal
                             6, audit 3 and settle 4 blocks, the rest generation
          --preset P         sprint model size: tiny (default) or cpu-small
          --compute-shares L each node's worker speed as a fraction in (0, 1], e.g. 1,1,0.5,0.25
                             (default 0.25 each, so the nodes share this machine)
          --nonce-rate R     cap a worker at share x R nonces/s (default: no cap), so speeds do
                             not depend on how busy this machine is
          --byzantine L      misbehaving workers, e.g. node3=fake-winners; modes: fake-winners,
                             lazy, withhold, copy, forge-digests
          --no-sprints       a chain without proof-of-compute sprints (fixed genesis validators)
          --dir D            testnet folder (default <repo>/.testnet)
          --base-port P      first port (default 26656)
          --app A            sprint (default) or kvstore (CometBFT's example app, for baselines)
        """;
  }

  @Override
  Set<String> options() {
    return Set.of(
        "validators",
        "dir",
        "base-port",
        "app",
        "epoch-length",
        "preset",
        "compute-shares",
        "nonce-rate",
        "byzantine");
  }

  @Override
  Set<String> flags() {
    return Set.of("no-sprints");
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
          || args.option("app").isPresent()
          || args.option("epoch-length").isPresent()
          || args.option("preset").isPresent()
          || WorkerSetupOptions.given(args)) {
        throw new TestnetException(
            "a testnet with "
                + existing
                + " validator(s) already exists in "
                + dir
                + "; --validators, --epoch-length, --preset, --base-port and --app apply only when"
                + " creating one. Wipe it first with 'bin/sprint testnet reset'");
      }
      if (testnet.isRunning()) {
        testnet.start(LocalTestnet.DEFAULT_START_TIMEOUT); // refuses, naming the running pids
      }
      ctx.err().println("starting the existing testnet in " + dir);
    } else {
      int validators = args.intOption("validators").orElse(DEFAULT_VALIDATORS);
      if (validators < 1 || validators > PortAllocator.MAX_NODES) {
        throw new UsageException(
            "--validators must be in [1, " + PortAllocator.MAX_NODES + "], got " + validators);
      }
      int basePort = args.intOption("base-port").orElse(PortAllocator.DEFAULT_BASE_PORT);
      SprintSettings sprint = sprint(args);
      TestnetConfig config =
          TestnetConfig.of(dir, validators)
              .withBasePort(basePort)
              .withApp(app(args))
              .withSprint(sprint);
      ctx.err()
          .println(
              "creating a "
                  + validators
                  + "-validator testnet in "
                  + dir
                  + " (epoch length "
                  + sprint.epochLength()
                  + ", preset "
                  + sprint.preset().label()
                  + ")");
      testnet = LocalTestnet.init(config, WorkerSetupOptions.setup(args, validators));
    }
    ctx.err().println("starting " + testnet.nodes().size() + " node(s); waiting for block 2...");
    testnet.start(LocalTestnet.DEFAULT_START_TIMEOUT);
    ctx.out()
        .println(
            "testnet '"
                + testnet.chainId()
                + "' is up with "
                + testnet.nodes().size()
                + " validator(s) ("
                + dir
                + ")");
    for (NodeProcess node : testnet.nodes()) {
      ctx.out()
          .println(
              "  "
                  + node.name()
                  + " RPC: "
                  + node.rpcUrl()
                  + "  inference API: "
                  + node.ports().httpUrl());
    }
    ctx.out().println("demo key: demo  address: " + testnet.demoAddress());
    ctx.out().println("next:     bin/sprint testnet status   |   bin/sprint load --duration 30");
    ctx.out().println("          bin/sprint tx send --from demo --to validator0 --amount 10");
    ctx.out()
        .println("          bin/sprint infer --model all-minilm-l6-v2 --input 'hello' --from demo");
    return 0;
  }

  private static SprintSettings sprint(Args args) {
    long epochLength = args.longOption("epoch-length").orElse(SprintSettings.DEFAULT_EPOCH_LENGTH);
    SprintSettings.Preset preset;
    try {
      preset = SprintSettings.Preset.parse(args.option("preset").orElse("tiny"));
      return new SprintSettings(epochLength, preset, !args.flag("no-sprints"));
    } catch (IllegalArgumentException e) {
      throw new UsageException("--" + e.getMessage());
    }
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
