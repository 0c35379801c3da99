package org.sprintchain.cli;

import java.nio.file.Path;
import java.util.Set;
import org.sprintchain.testnet.LocalTestnet;

final class TestnetDownCommand extends LeafCommand {
  @Override
  public String name() {
    return "down";
  }

  @Override
  public String summary() {
    return "stop every node, keeping the chain data";
  }

  @Override
  public String usage() {
    return "Usage: bin/sprint testnet down [--dir D]\n\n"
        + "Stops every node: SIGTERM, then SIGKILL for a process still alive after 10 s. Keeps\n"
        + "all data; 'testnet up' resumes the same chain.\n\nOptions:\n"
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
    if (!testnet.isRunning()) {
      ctx.out().println("testnet in " + dir + " is not running");
      return 0;
    }
    testnet.stop(LocalTestnet.DEFAULT_STOP_GRACE);
    ctx.out().println("testnet in " + dir + " stopped (data kept)");
    return 0;
  }
}
