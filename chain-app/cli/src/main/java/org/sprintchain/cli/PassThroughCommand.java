package org.sprintchain.cli;

import java.io.PrintStream;
import java.util.List;

/**
 * A command whose options are parsed by the tool it runs (benchmarks own their flags and their
 * {@code --help}), so the CLI passes the arguments through untouched.
 */
final class PassThroughCommand implements Command {
  /** A tool entry point in the style of {@code main}, returning an exit status. */
  @FunctionalInterface
  interface Tool {
    int run(String[] args, PrintStream out, PrintStream err);
  }

  private final String name;
  private final String summary;
  private final Tool tool;

  PassThroughCommand(String name, String summary, Tool tool) {
    this.name = name;
    this.summary = summary;
    this.tool = tool;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String summary() {
    return summary;
  }

  @Override
  public String usage() {
    return summary + "\nRun with --help for its options.\n";
  }

  @Override
  public int run(List<String> args, CliContext ctx) {
    return tool.run(args.toArray(String[]::new), ctx.out(), ctx.err());
  }
}
