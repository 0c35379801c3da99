package org.sprintchain.cli;

import java.nio.file.Path;
import java.util.Set;
import org.sprintchain.testnet.LocalTestnet;
import org.sprintchain.testnet.report.RunReport;

final class TestnetReportCommand extends LeafCommand {
  @Override
  public String name() {
    return "report";
  }

  @Override
  public String summary() {
    return "write report.json, report.md and PNG charts of a run";
  }

  @Override
  public String usage() {
    return """
        Usage: bin/sprint testnet report [--dir D] [--out O]

        Reads the chain from a running node (the latest 20000 blocks at most) and the load runs
        saved by 'bin/sprint load' in D/load/, and writes into O:
          report.json         blocks, tx/s over time, app hash agreement, latency of each load
                              run, voting power per epoch (from CometBFT /validators at the
                              epochs' first heights), audits/slashes/verified work (n/a until
                              proof-of-compute-work)
          report.md           the same as tables
          tx-per-second.png   committed tx/s over time
          voting-power.png    voting power of each validator by height, epoch starts dashed

        Options:
          --dir D   testnet folder (default <repo>/.testnet)
          --out O   output folder (default D/report)
        """;
  }

  @Override
  Set<String> options() {
    return Set.of("dir", "out");
  }

  @Override
  int execute(Args args, CliContext ctx) {
    args.noPositionals();
    Path dir = TestnetCommands.dir(args, ctx);
    LocalTestnet net = LocalTestnet.open(dir);
    Path out =
        args.option("out").map(Path::of).orElse(dir.resolve("report")).toAbsolutePath().normalize();
    RunReport.Output files = RunReport.write(net, out, line -> ctx.err().println(line));
    ctx.out().println("wrote " + files.json());
    ctx.out().println("wrote " + files.markdown());
    files.charts().forEach(c -> ctx.out().println("wrote " + c));
    files.warnings().forEach(w -> ctx.err().println("warning: " + w));
    return 0;
  }
}
