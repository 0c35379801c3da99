package org.sprintchain.cli;

import java.util.List;

/** One command or command group of bin/sprint. */
interface Command {
  /** The word that selects it, e.g. {@code send}. */
  String name();

  /** One line for the parent's listing. */
  String summary();

  /** The full help text, ending with a newline. */
  String usage();

  /**
   * Runs with the arguments after the command's name.
   *
   * @return the process exit status
   * @throws UsageException for a malformed command line
   */
  int run(List<String> args, CliContext ctx);
}
