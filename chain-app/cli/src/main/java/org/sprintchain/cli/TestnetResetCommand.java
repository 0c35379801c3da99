package org.sprintchain.cli;

import java.nio.file.Path;
import java.util.Set;
import org.sprintchain.testnet.LocalTestnet;
import org.sprintchain.testnet.TestnetManifest;

final class TestnetResetCommand extends LeafCommand {
  @Override
  public String name() {
    return "reset";
  }

  @Override
  public String summary() {
    return "stop the testnet and delete its folder (chain data and keys)";
  }

  @Override
  public String usage() {
    return "Usage: bin/sprint testnet reset [--dir D]\n\n"
        + "Stops every node and deletes the testnet folder, including its keys. Only a folder\n"
        + "holding a testnet.json is deleted.\n\nOptions:\n"
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
    if (!TestnetManifest.existsIn(dir)) {
      ctx.out().println("no testnet in " + dir + "; nothing to reset");
      return 0;
    }
    LocalTestnet.open(dir).reset(LocalTestnet.DEFAULT_STOP_GRACE);
    ctx.out().println("testnet in " + dir + " stopped and deleted");
    return 0;
  }
}
