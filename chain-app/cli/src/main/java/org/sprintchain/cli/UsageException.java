package org.sprintchain.cli;

/** The command line is malformed; the CLI prints the message and the usage, and exits 2. */
public final class UsageException extends RuntimeException {
  private final String usage;

  public UsageException(String message) {
    this(message, null);
  }

  private UsageException(String message, String usage) {
    super(message);
    this.usage = usage;
  }

  /** The usage of the command that refused the line, once known. */
  public String usage() {
    return usage == null ? "" : usage;
  }

  UsageException withUsageIfAbsent(String commandUsage) {
    return usage == null ? new UsageException(getMessage(), commandUsage) : this;
  }
}
