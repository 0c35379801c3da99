package org.sprintchain.testnet.acceptance.dsl;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.sprintchain.testnet.AppLauncher;
import org.sprintchain.testnet.DetachedProcess;
import org.sprintchain.testnet.LocalTestnet;
import org.sprintchain.testnet.NodeProcess;
import org.sprintchain.testnet.PortAllocator;
import org.sprintchain.testnet.SprintSettings;
import org.sprintchain.testnet.SprintSetup;
import org.sprintchain.testnet.TestnetConfig;

/**
 * A real local testnet for acceptance tests: N validators (app JVM from the test class path plus
 * CometBFT) on free loopback ports in a test folder. Tests talk to it through {@link Node}s, send
 * load with {@link Transactions} and check it with {@link Conditions}:
 *
 * <pre>
 * cluster.node(1).kill();
 * cluster.verify(Conditions.chainCommits(5, Duration.ofSeconds(30)));
 * </pre>
 *
 * {@link #close()} stops every process and prints the tail of every log.
 */
public final class Cluster implements AutoCloseable {
  public static final Duration BLOCK_INTERVAL = Duration.ofMillis(500);

  /** Below Linux's ephemeral range (32768+), where outgoing connections could take our ports. */
  private static final int PORT_SEARCH_FROM = 24_000;

  private final LocalTestnet net;
  private final List<Node> nodes;

  private Cluster(LocalTestnet net) {
    this.net = net;
    List<Node> list = new ArrayList<>();
    for (NodeProcess p : net.nodes()) {
      list.add(new Node(net, p));
    }
    this.nodes = List.copyOf(list);
  }

  /** Creates and starts {@code validators} validators under {@code parent}; waits for block 2. */
  public static Cluster start(Path parent, int validators) {
    int base = PortAllocator.findFreeBase(validators, PORT_SEARCH_FROM);
    LocalTestnet net =
        LocalTestnet.init(
            TestnetConfig.of(parent.resolve("net"), validators)
                .withBasePort(base)
                .withBlockInterval(BLOCK_INTERVAL)
                .withLauncher(pinnedLauncher(parent.resolve("lib"))));
    Cluster cluster = new Cluster(net);
    try {
      net.start(LocalTestnet.DEFAULT_START_TIMEOUT);
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
    return cluster;
  }

  /**
   * Creates and starts a testnet with sprints on: {@code settings} for the defaults, {@code setup}
   * for exact params and per-node worker flags. Ports are searched from {@code portsFrom}.
   */
  public static Cluster startWithSprints(
      Path parent, int validators, SprintSettings settings, SprintSetup setup, int portsFrom) {
    int base = PortAllocator.findFreeBase(validators, portsFrom);
    LocalTestnet net =
        LocalTestnet.init(
            TestnetConfig.of(parent.resolve("net"), validators)
                .withBasePort(base)
                .withBlockInterval(BLOCK_INTERVAL)
                .withSprint(settings)
                .withLauncher(pinnedLauncher(parent.resolve("lib"))),
            setup);
    Cluster cluster = new Cluster(net);
    try {
      net.start(LocalTestnet.DEFAULT_START_TIMEOUT);
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
    return cluster;
  }

  /**
   * This JVM's launcher, with the project's own jars ({@code sprint-*.jar}, from the local Maven
   * repository) copied into {@code libDir} first: a node restarted late in a test must run the same
   * code that wrote its data, even if a parallel build installs new jars meanwhile.
   */
  static AppLauncher pinnedLauncher(Path libDir) {
    AppLauncher current = AppLauncher.currentJvm();
    List<String> entries = new ArrayList<>();
    try {
      Files.createDirectories(libDir);
      for (String entry : current.classpath().split(File.pathSeparator)) {
        Path jar = Path.of(entry);
        if (Files.isRegularFile(jar) && jar.getFileName().toString().startsWith("sprint-")) {
          Path copy = libDir.resolve(jar.getFileName());
          Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
          entries.add(copy.toString());
        } else {
          entries.add(entry);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot pin the node class path in " + libDir, e);
    }
    return new AppLauncher(
        current.javaBinary(), String.join(File.pathSeparator, entries), current.jvmOptions());
  }

  public LocalTestnet net() {
    return net;
  }

  public List<Node> nodes() {
    return nodes;
  }

  public Node node(int index) {
    return nodes.get(index);
  }

  /** Every node but {@code excluded}. */
  public List<Node> nodesExcept(Node... excluded) {
    List<Node> out = new ArrayList<>(nodes);
    out.removeAll(List.of(excluded));
    return out;
  }

  /** The highest height any answering node reports, if any answers. */
  public OptionalLong height() {
    return nodes.stream()
        .map(Node::heightIfAnswering)
        .filter(OptionalLong::isPresent)
        .mapToLong(OptionalLong::getAsLong)
        .max();
  }

  /** Checks a condition (which may wait, within its own time limit). */
  public void verify(Condition condition) {
    condition.verify(this);
  }

  /** SIGKILLs every node at once (each node's two processes), as a power cut of the machine. */
  public void killAll() {
    for (Node n : nodes) {
      n.kill();
    }
  }

  /** Starts every node again on its data; waits until each answers and is at height 2 or more. */
  public void startAll() {
    net.start(LocalTestnet.DEFAULT_START_TIMEOUT);
  }

  /** Stops every node, then prints each node's log tails. */
  @Override
  public void close() {
    try {
      for (Node n : nodes) {
        n.resumeIfPaused();
      }
    } finally {
      net.stop(Duration.ofSeconds(5));
      for (NodeProcess n : net.nodes()) {
        System.out.println(
            "---- tail of " + n.appLog() + "\n" + DetachedProcess.tail(n.appLog(), 15));
        System.out.println(
            "---- tail of " + n.cometLog() + "\n" + DetachedProcess.tail(n.cometLog(), 15));
      }
    }
  }
}
