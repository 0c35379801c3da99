package org.sprintchain.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.sprintchain.testnet.LocalTestnet;
import org.sprintchain.testnet.NodeProcess;
import org.sprintchain.testnet.TestnetException;

/** {@code testnet kill|restart|pause|resume NODE}: fault injection on one node of a testnet. */
final class TestnetFaultCommand extends LeafCommand {
  private static final Duration RESTART_TIMEOUT = Duration.ofSeconds(90);

  /** The four faults and what each does to the node's two processes. */
  enum Fault {
    KILL(
        "kill",
        "SIGKILL a node's app and CometBFT (a crash; data kept)",
        "Sends SIGKILL (kill -9) to the node's CometBFT and app at once, with no SIGTERM first, as\n"
            + "a power cut would. Data stays as the crash left it; 'testnet restart NODE' brings\n"
            + "the node back and it catches up."),
    RESTART(
        "restart",
        "start a node again on its data (stopping it first if it runs)",
        "Stops whatever of the node still runs (SIGTERM, SIGKILL after 10 s; a paused node is\n"
            + "resumed first), starts its app and CometBFT again on the same data, and waits until\n"
            + "its RPC answers. The node then catches up with the others by itself."),
    PAUSE(
        "pause",
        "freeze a node's processes with SIGSTOP",
        "Sends SIGSTOP to the node's CometBFT and app: they stop voting and answering but keep\n"
            + "their sockets, like a hung machine. 'testnet resume NODE' continues them."),
    RESUME(
        "resume",
        "continue a paused node with SIGCONT",
        "Sends SIGCONT to the node's app and CometBFT; the node then catches up.");

    private final String word;
    private final String summary;
    private final String description;

    Fault(String word, String summary, String description) {
      this.word = word;
      this.summary = summary;
      this.description = description;
    }
  }

  private final Fault fault;

  TestnetFaultCommand(Fault fault) {
    this.fault = fault;
  }

  static List<Command> all() {
    return List.of(
        new TestnetFaultCommand(Fault.KILL),
        new TestnetFaultCommand(Fault.RESTART),
        new TestnetFaultCommand(Fault.PAUSE),
        new TestnetFaultCommand(Fault.RESUME));
  }

  @Override
  public String name() {
    return fault.word;
  }

  @Override
  public String summary() {
    return fault.summary;
  }

  @Override
  public String usage() {
    return "Usage: bin/sprint testnet "
        + fault.word
        + " NODE [--dir D]\n\n"
        + fault.description
        + "\n\nArguments:\n  NODE      node0, node1, ... (or just the index)\n\nOptions:\n"
        + TestnetCommands.dirUsage();
  }

  @Override
  Set<String> options() {
    return Set.of("dir");
  }

  @Override
  int execute(Args args, CliContext ctx) {
    String name = args.positionals("NODE").get(0);
    Path dir = TestnetCommands.dir(args, ctx);
    LocalTestnet net = LocalTestnet.open(dir);
    NodeProcess node = net.node(name);
    switch (fault) {
      case KILL -> {
        if (!node.isRunning()) {
          throw new TestnetException(node.name() + " is not running; nothing to kill");
        }
        node.kill();
        ctx.out().println(node.name() + " killed (SIGKILL to app and CometBFT); data kept");
      }
      case RESTART -> {
        long h = net.restart(node.name(), LocalTestnet.DEFAULT_STOP_GRACE, RESTART_TIMEOUT);
        ctx.out().println(node.name() + " restarted at height " + h + "; RPC " + node.rpcUrl());
      }
      case PAUSE -> {
        if (node.isPaused()) {
          throw new TestnetException(node.name() + " is already paused");
        }
        node.pause();
        ctx.out()
            .println(
                node.name()
                    + " paused (SIGSTOP); resume with 'bin/sprint testnet resume "
                    + node.name()
                    + "'");
      }
      case RESUME -> {
        if (!node.isPaused()) {
          throw new TestnetException(node.name() + " is not paused");
        }
        node.resume();
        ctx.out().println(node.name() + " resumed (SIGCONT)");
      }
    }
    return 0;
  }
}
