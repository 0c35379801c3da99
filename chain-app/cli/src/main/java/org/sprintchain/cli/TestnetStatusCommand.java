package org.sprintchain.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import org.sprintchain.testnet.LocalTestnet;
import org.sprintchain.testnet.NodeReport;
import org.sprintchain.testnet.TestnetStatus;
import org.sprintchain.testnet.ValidatorPower;

final class TestnetStatusCommand extends LeafCommand {
  @Override
  public String name() {
    return "status";
  }

  @Override
  public String summary() {
    return "show heights, app hash agreement, validators and their power";
  }

  @Override
  public String usage() {
    return "Usage: bin/sprint testnet status [--dir D]\n\n"
        + "Prints, per node, whether its app and CometBFT run (with pids), its RPC URL and its\n"
        + "latest height; whether the nodes that answer have the same app hash at the highest\n"
        + "height they all have; and the validator set at that height from CometBFT's /validators\n"
        + "with voting power. Verified work and the sprint phase show n/a until proof-of-compute-\n"
        + "work lands. Exits 1 when no node runs or the app hashes disagree.\n\nOptions:\n"
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
    TestnetStatus status = TestnetStatus.collect(testnet);
    PrintStream out = ctx.out();
    out.printf(
        Locale.ROOT,
        "testnet '%s' in %s: %d node(s), epoch length %d, preset %s%n%n",
        status.chainId(),
        dir,
        status.nodes().size(),
        testnet.sprintSettings().epochLength(),
        testnet.sprintSettings().preset().label());
    String rowFormat = "%-7s %-9s %-8s %-9s %-12s %s%n";
    out.printf(Locale.ROOT, rowFormat, "node", "state", "height", "app pid", "cometbft pid", "rpc");
    for (NodeReport r : status.nodes()) {
      out.printf(
          Locale.ROOT,
          rowFormat,
          r.name(),
          r.state().name().toLowerCase(Locale.ROOT),
          r.height().isPresent() ? Long.toString(r.height().getAsLong()) : "-",
          r.appPid().isPresent() ? Long.toString(r.appPid().getAsLong()) : "-",
          r.cometPid().isPresent() ? Long.toString(r.cometPid().getAsLong()) : "-",
          r.rpcUrl());
      if (r.state() != NodeReport.State.STOPPED && r.rpcError().isPresent()) {
        out.println("        " + r.rpcError().get());
      }
    }
    out.println();
    if (!status.anyRunning()) {
      out.println("no node runs; start the testnet with 'bin/sprint testnet up'");
      return 1;
    }
    if (status.commonHeight().isEmpty()) {
      out.println("app hash: no node answers RPC");
    } else {
      long h = status.commonHeight().getAsLong();
      if (status.appHashesAgree()) {
        out.printf(
            Locale.ROOT,
            "app hash at height %d: %d of %d node(s) agree: %s%n",
            h,
            status.appHashes().size(),
            status.nodes().size(),
            status.appHashes().values().iterator().next());
      } else {
        out.printf(Locale.ROOT, "app hash at height %d: DISAGREEMENT%n", h);
        status
            .appHashes()
            .forEach((node, hash) -> out.printf(Locale.ROOT, "  %-7s %s%n", node, hash));
      }
      out.printf(
          Locale.ROOT,
          "epoch %d, sprint phase: %s%n%n",
          status.epoch().orElse(0),
          status.sprintPhase());
      long total = status.totalPower();
      out.printf(Locale.ROOT, "validators at height %d (total voting power %d):%n", h, total);
      String vFormat = "%-7s %-42s %12s %7s  %s%n";
      out.printf(Locale.ROOT, vFormat, "node", "address", "voting power", "share", "verified work");
      for (ValidatorPower v : status.validators()) {
        out.printf(
            Locale.ROOT,
            vFormat,
            v.node(),
            v.address(),
            Long.toString(v.power()),
            String.format(Locale.ROOT, "%.1f%%", total > 0 ? 100.0 * v.power() / total : 0.0),
            TestnetStatus.NOT_YET);
      }
    }
    status.problems().forEach(p -> out.println("note: " + p));
    return status.commonHeight().isPresent() && !status.appHashesAgree() ? 1 : 0;
  }
}
