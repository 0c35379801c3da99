package org.sprintchain.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.sprintchain.testnet.LocalTestnet;
import org.sprintchain.testnet.NodeReport;

final class TestnetStatusCommand extends LeafCommand {
  @Override
  public String name() {
    return "status";
  }

  @Override
  public String summary() {
    return "show each node's processes, height and app hash";
  }

  @Override
  public String usage() {
    return "Usage: bin/sprint testnet status [--dir D]\n\n"
        + "Prints, per node, whether its app and CometBFT run (with pids), its RPC URL, and the\n"
        + "latest height and app hash. Exits 1 when no node runs.\n\nOptions:\n"
        + TestnetCommands.dirUsage();
  }

  @Override
  Set<String> options() {
    return Set.of("dir");
  }

  @Override
  int execute(Args args, CliContext ctx) {
    args.noPositionals();
    Path dir = TestnetCommands.dir(args, ctx);
    LocalTestnet testnet = LocalTestnet.open(dir);
    ctx.out().println("testnet '" + testnet.chainId() + "' in " + dir);
    List<NodeReport> reports = testnet.status();
    ctx.out()
        .printf(
            Locale.ROOT,
            "%-7s %-9s %-14s %-14s %-24s %-8s %s%n",
            "node",
            "state",
            "app pid",
            "cometbft pid",
            "rpc",
            "height",
            "app hash");
    boolean any = false;
    for (NodeReport r : reports) {
      boolean running = r.state() != NodeReport.State.STOPPED;
      any |= running;
      ctx.out()
          .printf(
              Locale.ROOT,
              "%-7s %-9s %-14s %-14s %-24s %-8s %s%n",
              r.name(),
              r.state().name().toLowerCase(Locale.ROOT),
              r.appPid().isPresent() ? Long.toString(r.appPid().getAsLong()) : "-",
              r.cometPid().isPresent() ? Long.toString(r.cometPid().getAsLong()) : "-",
              r.rpcUrl(),
              r.height().isPresent() ? Long.toString(r.height().getAsLong()) : "-",
              r.appHash().orElse("-"));
      if (running && r.rpcError().isPresent()) {
        ctx.out().println("        rpc: " + r.rpcError().get());
      }
    }
    return any ? 0 : 1;
  }
}
