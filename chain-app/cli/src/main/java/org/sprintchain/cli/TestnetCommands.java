package org.sprintchain.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The {@code testnet} command group and what its subcommands share. */
final class TestnetCommands {
  private TestnetCommands() {}

  static CommandGroup group() {
    return new CommandGroup(
        "bin/sprint testnet",
        "testnet",
        "run a local multi-validator testnet on 127.0.0.1",
        Stream.of(
                List.<Command>of(
                    new TestnetUpCommand(),
                    new TestnetStatusCommand(),
                    new TestnetDownCommand(),
                    new TestnetResetCommand(),
                    new TestnetLogsCommand()),
                TestnetFaultCommand.all(),
                List.<Command>of(new TestnetReportCommand()))
            .flatMap(List::stream)
            .toList());
  }

  static Path dir(Args args, CliContext ctx) {
    return args.option("dir").map(Path::of).orElse(ctx.testnetDir()).toAbsolutePath().normalize();
  }

  static String dirUsage() {
    return "  --dir D   testnet folder (default <repo>/.testnet)\n";
  }
}
