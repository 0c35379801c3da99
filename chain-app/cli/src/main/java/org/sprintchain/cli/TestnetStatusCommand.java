package org.sprintchain.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
        + "Prints, per node, whether its app and CometBFT run (with pids), its latest height, the\n"
        + "epoch and sprint phase of its next block (/sprint/current) and its RPC URL; whether\n"
        + "the nodes that answer have the same app hash at the highest height they all have; the\n"
        + "sprint of the first answering node (phase, blocks left, settle height, workers, open\n"
        + "disputes); and the validator set at that height from CometBFT's /validators with\n"
        + "voting power and share, beside the app's /validators (first answering node): verified\n"
        + "work (last_work) and the app's power and share. Sprint values show '-' on a chain\n"
        + "without sprints. Exits 1 when no node runs or the app hashes disagree.\n\nOptions:\n"
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
    TestnetSprintInfo sprint = TestnetSprintInfo.collect(status.nodes());
    String rowFormat = "%-7s %-9s %-8s %-9s %-12s %-16s %s%n";
    out.printf(
        Locale.ROOT,
        rowFormat,
        "node",
        "state",
        "height",
        "app pid",
        "cometbft pid",
        "epoch phase",
        "rpc");
    for (NodeReport r : status.nodes()) {
      out.printf(
          Locale.ROOT,
          rowFormat,
          r.name(),
          r.state().name().toLowerCase(Locale.ROOT),
          r.height().isPresent() ? Long.toString(r.height().getAsLong()) : "-",
          r.appPid().isPresent() ? Long.toString(r.appPid().getAsLong()) : "-",
          r.cometPid().isPresent() ? Long.toString(r.cometPid().getAsLong()) : "-",
          sprint.phase(r.name()),
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
      out.println(sprint.summary());
      out.println();
      out.print(validatorTable(h, status.validators(), sprint));
    }
    status.problems().forEach(p -> out.println("note: " + p));
    return status.commonHeight().isPresent() && !status.appHashesAgree() ? 1 : 0;
  }

  /**
   * CometBFT's validator set at {@code height} with power and share, beside the app's verified work
   * and power for the same key ("-" where the app has none).
   */
  static String validatorTable(
      long height, List<ValidatorPower> validators, TestnetSprintInfo sprint) {
    long total = validators.stream().mapToLong(ValidatorPower::power).sum();
    long appTotal =
        sprint.byCometAddress().values().stream().mapToLong(v -> v.path("power").asLong()).sum();
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT, "validators at height %d (total voting power %d):%n", height, total));
    String format = "%-7s %-42s %12s %7s  %-14s %s%n";
    out.append(
        String.format(
            Locale.ROOT,
            format,
            "node",
            "address",
            "voting power",
            "share",
            "verified work",
            "app power (share)"));
    for (ValidatorPower v : validators) {
      Optional<JsonNode> app = sprint.validator(v.address());
      out.append(
          String.format(
              Locale.ROOT,
              format,
              v.node(),
              v.address(),
              Long.toString(v.power()),
              SprintStatusView.share(v.power(), total),
              app.map(a -> SprintStatusView.text(a, "last_work")).orElse(SprintStatusView.NONE),
              app.map(
                      a ->
                          a.path("power").asLong()
                              + " ("
                              + SprintStatusView.share(a.path("power").asLong(), appTotal)
                              + ")")
                  .orElse(SprintStatusView.NONE)));
    }
    return out.toString();
  }
}
