package org.sprintchain.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import org.sprintchain.testnet.LocalTestnet;
import org.sprintchain.testnet.load.LoadMix;
import org.sprintchain.testnet.load.LoadOptions;
import org.sprintchain.testnet.load.LoadReport;
import org.sprintchain.testnet.load.LoadResult;
import org.sprintchain.testnet.load.TestnetLoad;

/** {@code bin/sprint load}: signed transfers over every node of the local testnet. */
final class LoadCommand extends LeafCommand {
  /** Exit status when some acknowledged tx is not in a block with code 0. */
  static final int UNVERIFIED = 3;

  @Override
  public String name() {
    return "load";
  }

  @Override
  public String summary() {
    return "send signed transfers to every node and measure what commits";
  }

  @Override
  public String usage() {
    return """
        Usage: bin/sprint load [--tps X] [--duration S] [--warmup S] [--mix M]
                               [--clients C] [--accounts A] [--dir D]

        Sends signed transfers to the running testnet in D, spread over every running node's RPC
        (client k starts on node k mod N and moves to the next node when its node stops
        answering). Load accounts are funded from the 'demo' key first. After the window it waits
        for every acknowledged tx, then prints acknowledged and committed tx/s, confirmation
        latency p50/p95/p99 (broadcast to first seen in a block), and whether every tx the
        mempools acknowledged is in a block with code 0. The result is saved in
        D/load/run-<time>.json for 'testnet report'. Exit 3 when some acknowledged tx is missing
        or failed.

        Options:
          --tps X        total submissions per second; 0 = as fast as the nodes take them
                         (default 100)
          --duration S   measurement window in seconds (default 30)
          --warmup S     load before the window, seconds (default 5)
          --mix M        what to send: transfers (default), inference (paid requests on the
                         testnet's synthetic model), or weighted, e.g. transfers=3,inference=1
          --clients C    sending threads (default 8)
          --accounts A   funded load accounts, at least C (default 64)
          --dir D        testnet folder (default <repo>/.testnet)
        """;
  }

  @Override
  Set<String> options() {
    return Set.of("tps", "duration", "warmup", "mix", "clients", "accounts", "dir");
  }

  @Override
  int execute(Args args, CliContext ctx) {
    args.noPositionals();
    LoadOptions d = LoadOptions.DEFAULT;
    LoadOptions options;
    try {
      options =
          new LoadOptions(
              args.intOption("tps").orElse(d.targetTps()),
              Duration.ofSeconds(args.longOption("warmup").orElse(d.warmup().toSeconds())),
              Duration.ofSeconds(args.longOption("duration").orElse(d.duration().toSeconds())),
              args.intOption("clients").orElse(d.clients()),
              args.intOption("accounts").orElse(d.accounts()),
              LoadMix.parse(args.option("mix").orElse("transfers")));
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    Path dir = TestnetCommands.dir(args, ctx);
    LocalTestnet net = LocalTestnet.open(dir);
    LoadResult result = TestnetLoad.run(net, options, line -> ctx.err().println(line));
    Path file = result.save(dir);
    print(result, file, ctx.out());
    return result.report().verified() ? 0 : UNVERIFIED;
  }

  private static void print(LoadResult result, Path file, PrintStream out) {
    LoadReport r = result.report();
    out.printf(
        Locale.ROOT,
        "load %s over %d node(s), %d s window:%n",
        result.options().mix().label(),
        result.acknowledgedByNode().size(),
        result.options().duration().toSeconds());
    out.printf(
        Locale.ROOT,
        "  submitted   %.1f tx/s acknowledged by the mempools (%d acknowledged in all, %d"
            + " refused, %d busy/retried)%n",
        result.acknowledgedTps(),
        r.acknowledged(),
        r.refused(),
        r.busy());
    out.printf(
        Locale.ROOT,
        "  committed   %.1f tx/s (%d txs in %d blocks over %.1f s)%n",
        r.committedTps(),
        r.windowTxs(),
        r.windowBlocks(),
        r.windowSeconds());
    out.printf(
        Locale.ROOT,
        "  latency     p50 %d ms, p95 %d ms, p99 %d ms, max %d ms (%d txs)%n",
        r.latency().p50Millis(),
        r.latency().p95Millis(),
        r.latency().p99Millis(),
        r.latency().maxMillis(),
        r.latency().samples());
    StringBuilder spread = new StringBuilder();
    result.acknowledgedByNode().entrySet().stream()
        .sorted(java.util.Map.Entry.comparingByKey())
        .forEach(e -> spread.append(' ').append(e.getKey()).append('=').append(e.getValue()));
    out.println("  per node   " + spread);
    out.println(
        "  check       "
            + (r.verified()
                ? "every acknowledged tx is in a block with code 0"
                : "FAILED: "
                    + r.missing()
                    + " acknowledged txs missing, "
                    + r.failed()
                    + " failed"));
    out.println("  saved       " + file);
  }
}
