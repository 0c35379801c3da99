package org.sprintchain.cli;

import java.util.List;
import java.util.Locale;

/** A command made of subcommands, e.g. {@code keys add|list|show}. */
final class CommandGroup implements Command {
  private final String path;
  private final String name;
  private final String summary;
  private final List<Command> commands;

  /**
   * @param path the words before the subcommand, for the usage line (e.g. {@code bin/sprint keys})
   */
  CommandGroup(String path, String name, String summary, List<Command> commands) {
    this.path = path;
    this.name = name;
    this.summary = summary;
    this.commands = List.copyOf(commands);
  }

  @Override
  public String name() {
    return name;
  }

  List<Command> commands() {
    return commands;
  }

  @Override
  public String summary() {
    return summary;
  }

  @Override
  public String usage() {
    StringBuilder sb = new StringBuilder();
    sb.append("Usage: ").append(path).append(" COMMAND [ARGS...]\n\n");
    sb.append(summary).append("\n\nCommands:\n");
    for (Command c : commands) {
      sb.append(String.format(Locale.ROOT, "  %-10s %s%n", c.name(), c.summary()));
    }
    sb.append("\nRun '").append(path).append(" COMMAND --help' for a command's options.\n");
    return sb.toString();
  }

  @Override
  public int run(List<String> args, CliContext ctx) {
    if (args.isEmpty()) {
      throw new UsageException("missing command").withUsageIfAbsent(usage());
    }
    String first = args.get(0);
    if (first.equals("--help") || first.equals("-h") || first.equals("help")) {
      ctx.out().print(usage());
      return 0;
    }
    for (Command c : commands) {
      if (c.name().equals(first)) {
        return c.run(args.subList(1, args.size()), ctx);
      }
    }
    throw new UsageException("unknown command '" + first + "'").withUsageIfAbsent(usage());
  }
}
