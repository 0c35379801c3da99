package org.sprintchain.cli;

import java.util.List;
import java.util.Set;

/** A command that takes options (no subcommands); {@code --help} prints its usage. */
abstract class LeafCommand implements Command {
  /** Options that take a value. */
  abstract Set<String> options();

  /** Options that take none. */
  Set<String> flags() {
    return Set.of();
  }

  abstract int execute(Args args, CliContext ctx);

  @Override
  public final int run(List<String> argv, CliContext ctx) {
    Args args;
    try {
      args = Args.parse(argv, options(), flags());
      if (args.help()) {
        ctx.out().print(usage());
        return 0;
      }
      return execute(args, ctx);
    } catch (UsageException e) {
      throw e.withUsageIfAbsent(usage());
    }
  }
}
