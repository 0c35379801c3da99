package org.sprintchain.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.sprintchain.testnet.DetachedProcess;
import org.sprintchain.testnet.LocalTestnet;
import org.sprintchain.testnet.NodeProcess;

/** {@code testnet logs NODE [--lines N] [--follow]}: the tail of a node's app and CometBFT logs. */
final class TestnetLogsCommand extends LeafCommand {
  private static final int DEFAULT_LINES = 40;
  private static final int MAX_LINES = 10_000;
  private static final long DEFAULT_FOLLOW_SECONDS = 3600;
  private static final long POLL_MILLIS = 250;

  @Override
  public String name() {
    return "logs";
  }

  @Override
  public String summary() {
    return "print (or follow) the tail of a node's logs";
  }

  @Override
  public String usage() {
    return """
        Usage: bin/sprint testnet logs NODE [--lines N] [--only app|cometbft] [--follow]
                                       [--for S] [--dir D]

        Prints the last N lines of the node's app log (D/NODE/app.log) and CometBFT log
        (D/NODE/cometbft.log). With --follow, then prints new lines as they are written, each
        prefixed with [app] or [cometbft], until Ctrl-C or --for seconds have passed.

        Arguments:
          NODE            node0, node1, ... (or just the index)

        Options:
          --lines N       lines of each log to show first (default 40)
          --only L        only the app or only the cometbft log
          --follow        keep printing new lines
          --for S         stop following after S seconds (default 3600)
          --dir D         testnet folder (default <repo>/.testnet)
        """;
  }

  @Override
  Set<String> options() {
    return Set.of("dir", "lines", "only", "for");
  }

  @Override
  Set<String> flags() {
    return Set.of("follow");
  }

  @Override
  int execute(Args args, CliContext ctx) {
    String name = args.positionals("NODE").get(0);
    int lines = args.intOption("lines").orElse(DEFAULT_LINES);
    if (lines < 0 || lines > MAX_LINES) {
      throw new UsageException("--lines must be in [0, " + MAX_LINES + "], got " + lines);
    }
    long seconds = args.longOption("for").orElse(DEFAULT_FOLLOW_SECONDS);
    if (seconds < 1 || seconds > 7 * 24 * 3600) {
      throw new UsageException("--for must be in [1, 604800] seconds, got " + seconds);
    }
    NodeProcess node = LocalTestnet.open(TestnetCommands.dir(args, ctx)).node(name);
    List<Log> logs = new ArrayList<>();
    String only = args.option("only").orElse("");
    switch (only) {
      case "" -> {
        logs.add(new Log("cometbft", node.cometLog()));
        logs.add(new Log("app", node.appLog()));
      }
      case "app" -> logs.add(new Log("app", node.appLog()));
      case "cometbft" -> logs.add(new Log("cometbft", node.cometLog()));
      default -> throw new UsageException("--only must be app or cometbft, got '" + only + "'");
    }
    PrintStream out = ctx.out();
    for (Log log : logs) {
      out.println("==> " + log.file() + " <==");
      if (!Files.exists(log.file())) {
        out.println("(no log yet)");
      } else if (lines > 0) {
        out.println(DetachedProcess.tail(log.file(), lines));
      }
    }
    if (args.flag("follow")) {
      follow(logs, Duration.ofSeconds(seconds), out);
    }
    return 0;
  }

  private record Log(String label, Path file) {}

  /** Prints lines appended to the logs, polling every 250 ms, for at most {@code limit}. */
  private static void follow(List<Log> logs, Duration limit, PrintStream out) {
    long[] offsets = new long[logs.size()];
    StringBuilder[] partial = new StringBuilder[logs.size()];
    for (int i = 0; i < logs.size(); i++) {
      offsets[i] = size(logs.get(i).file());
      partial[i] = new StringBuilder();
    }
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() - deadline < 0 && !Thread.currentThread().isInterrupted()) {
      for (int i = 0; i < logs.size(); i++) {
        offsets[i] = printNew(logs.get(i), offsets[i], partial[i], out);
      }
      out.flush();
      try {
        TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static long printNew(Log log, long offset, StringBuilder partial, PrintStream out) {
    long size = size(log.file());
    if (size < offset) {
      offset = 0; // truncated or replaced: start over
    }
    if (size == offset) {
      return offset;
    }
    try (RandomAccessFile f = new RandomAccessFile(log.file().toFile(), "r")) {
      f.seek(offset);
      byte[] buf = new byte[(int) Math.min(size - offset, 1 << 20)];
      f.readFully(buf);
      partial.append(new String(buf, StandardCharsets.UTF_8));
      int nl;
      while ((nl = partial.indexOf("\n")) >= 0) {
        out.println("[" + log.label() + "] " + partial.substring(0, nl));
        partial.delete(0, nl + 1);
      }
      return offset + buf.length;
    } catch (IOException e) {
      return offset;
    }
  }

  private static long size(Path file) {
    try {
      return Files.isRegularFile(file) ? Files.size(file) : 0;
    } catch (IOException e) {
      return 0;
    }
  }
}
