package org.sprintchain.testnet;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.sprintchain.chain.crypto.Address;
import org.sprintchain.chain.crypto.Ed25519;
import org.sprintchain.client.KeyInfo;
import org.sprintchain.client.Keyring;
import org.sprintchain.client.RpcException;
import org.sprintchain.genesis.AppParams;
import org.sprintchain.genesis.GenesisBuilder;
import org.sprintchain.genesis.GenesisValidator;

/**
 * A testnet of N validators on loopback, in one folder:
 *
 * <pre>
 * D/testnet.json     manifest: chain id, ports, node ids ({@link TestnetManifest})
 * D/keys/            keyring: "demo" and "validatorI" accounts, funded at genesis
 * D/nodeI/           one node ({@link NodeProcess}): cometbft/ home, data/, logs, pid files
 * </pre>
 *
 * {@link #init} creates the folder (CometBFT homes, one shared genesis, configs with persistent
 * peers), {@link #start} launches every node detached and waits for height 2, {@link #stop} ends
 * them and keeps the data, {@link #reset} stops and deletes the folder.
 */
public final class LocalTestnet {
  public static final String DEMO_KEY = "demo";
  public static final long VALIDATOR_POWER = 10;
  public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(90);
  public static final Duration DEFAULT_STOP_GRACE = Duration.ofSeconds(10);

  private final Path dir;
  private final TestnetManifest manifest;
  private final List<NodeProcess> nodes;
  private final CometBft cometBft;

  private LocalTestnet(
      Path dir, TestnetManifest manifest, CometBft cometBft, AppLauncher launcher) {
    this.dir = dir;
    this.manifest = manifest;
    this.cometBft = cometBft;
    List<NodeProcess> list = new ArrayList<>();
    for (TestnetManifest.Node n : manifest.nodes()) {
      list.add(
          new NodeProcess(
              n.name(),
              dir.resolve(n.name()),
              n.ports(),
              cometBft,
              manifest.app() == TestnetConfig.App.SPRINT ? launcher : null));
    }
    this.nodes = List.copyOf(list);
  }

  /** {@code <sprint.root>/.testnet}. */
  public static Path defaultDir() {
    return SprintRoot.get().resolve(".testnet");
  }

  public static boolean existsIn(Path dir) {
    return TestnetManifest.existsIn(dir);
  }

  /** Opens an existing testnet folder, to run with this JVM's java and the located CometBFT. */
  public static LocalTestnet open(Path dir) {
    return open(dir, CometBft.locate(), AppLauncher.currentJvm());
  }

  public static LocalTestnet open(Path dir, CometBft cometBft, AppLauncher launcher) {
    Path abs = dir.toAbsolutePath().normalize();
    return new LocalTestnet(abs, TestnetManifest.read(abs), cometBft, launcher);
  }

  /**
   * Creates the testnet folder; starts nothing.
   *
   * @throws TestnetException when CometBFT is missing, the folder already holds something, or a
   *     port is taken
   */
  public static LocalTestnet init(TestnetConfig config) {
    return init(config, SprintSetup.DEFAULT);
  }

  /** As {@link #init(TestnetConfig)}, with exact sprint params or per-node worker flags. */
  public static LocalTestnet init(TestnetConfig config, SprintSetup setup) {
    CometBft comet = config.cometBft().requireInstalled();
    Path dir = config.dir().toAbsolutePath().normalize();
    if (existsIn(dir)) {
      throw new TestnetException(
          "a testnet already exists in "
              + dir
              + "; start it with 'bin/sprint testnet up' or wipe it with 'bin/sprint testnet reset'");
    }
    if (Files.exists(dir) && !isEmptyDir(dir)) {
      throw new TestnetException(dir + " exists and is not an empty folder; choose another --dir");
    }
    List<NodePorts> ports = PortAllocator.layout(config.basePort(), config.validators());
    PortAllocator.requireFree(ports);
    try {
      TestnetManifest manifest = create(config, setup, comet, dir, ports);
      return new LocalTestnet(dir, manifest, comet, config.launcher());
    } catch (RuntimeException e) {
      deleteTree(dir);
      throw e;
    }
  }

  private static TestnetManifest create(
      TestnetConfig config, SprintSetup setup, CometBft comet, Path dir, List<NodePorts> ports) {
    int n = config.validators();
    List<TestnetManifest.Node> entries = new ArrayList<>();
    List<GenesisValidator> validators = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String name = "node" + i;
      Path home = dir.resolve(name).resolve("cometbft");
      comet.init(home);
      entries.add(new TestnetManifest.Node(name, comet.nodeId(home), ports.get(i)));
      validators.add(
          GenesisValidator.fromPrivValidatorKey(
              home.resolve("config/priv_validator_key.json"), name, VALIDATOR_POWER));
    }
    Keyring keyring = new Keyring(dir);
    KeyInfo demo = keyring.add(DEMO_KEY);
    GenesisBuilder genesis =
        GenesisBuilder.fromFile(dir.resolve("node0/cometbft/config/genesis.json"))
            .chainId(config.chainId())
            .genesisTime(Instant.now().truncatedTo(ChronoUnit.MILLIS))
            .validators(validators)
            .params(AppParams.DEFAULT)
            .addAccount(demo.address(), config.demoBalance());
    for (int i = 0; i < n; i++) {
      genesis.addAccount(keyring.add("validator" + i).address(), config.demoBalance());
    }
    if (config.app() == TestnetConfig.App.SPRINT && config.sprint().enabled()) {
      addSprints(genesis, config, setup, validators, dir);
    }
    for (int i = 0; i < n; i++) {
      Path configDir = dir.resolve("node" + i).resolve("cometbft/config");
      genesis.writeTo(configDir.resolve("genesis.json"));
      List<String> peers = new ArrayList<>();
      for (int j = 0; j < n; j++) {
        if (j != i) {
          peers.add(entries.get(j).nodeId() + "@127.0.0.1:" + ports.get(j).p2p());
        }
      }
      String proxyApp =
          config.app() == TestnetConfig.App.SPRINT ? ports.get(i).abciAddress() : "kvstore";
      CometConfig.read(configDir.resolve("config.toml"))
          .applyLocalNode("node" + i, ports.get(i), proxyApp, peers, config.blockInterval())
          .write(configDir.resolve("config.toml"));
    }
    TestnetManifest manifest =
        new TestnetManifest(
            TestnetManifest.FORMAT,
            config.chainId(),
            config.app(),
            config.basePort(),
            config.blockInterval().toMillis(),
            demo.address().toString(),
            entries,
            config.sprint());
    manifest.write(dir);
    return manifest;
  }

  /**
   * Turns sprints on: each validator's consensus key is also its worker's operator account (funded
   * here, so it can pay the deposit and its fees), registered at genesis.
   */
  private static void addSprints(
      GenesisBuilder genesis,
      TestnetConfig config,
      SprintSetup setup,
      List<GenesisValidator> validators,
      Path dir) {
    genesis.sprintParams(setup.params().orElse(config.sprint().params(validators.size())));
    genesis.inference(setup.inference().orElse(InferenceSetup.section()));
    for (GenesisValidator v : validators) {
      Address operator = Address.fromPublicKey(v.publicKey());
      genesis.addAccount(operator, config.demoBalance());
      genesis.addSprintWorker(operator, v.publicKey());
    }
    setup.nodeArgs().forEach((node, args) -> NodeProcess.writeWorkerArgs(dir.resolve(node), args));
  }

  /**
   * Starts every node (apps first, then CometBFT) and waits until each reaches height 2, all within
   * {@code timeout}.
   *
   * @throws TestnetException when already running, a port is taken, or a node fails to start (the
   *     message carries the failing process's log tail; everything started is stopped again)
   */
  public void start(Duration timeout) {
    List<String> running = new ArrayList<>();
    for (NodeProcess node : nodes) {
      node.app().ifPresent(p -> running.add(node.name() + " app pid " + p.pid()));
      node.comet().ifPresent(p -> running.add(node.name() + " cometbft pid " + p.pid()));
    }
    if (!running.isEmpty()) {
      throw new TestnetException(
          "the testnet in "
              + dir
              + " is already running ("
              + String.join(", ", running)
              + "); see 'bin/sprint testnet status' or stop it with 'bin/sprint testnet down'");
    }
    cometBft.requireInstalled();
    PortAllocator.requireFree(nodes.stream().map(NodeProcess::ports).toList());
    try {
      long deadline = System.nanoTime() + timeout.toNanos();
      for (NodeProcess node : nodes) {
        node.startApp(remaining(deadline));
      }
      for (NodeProcess node : nodes) {
        node.startComet();
      }
      awaitHeight(2, remaining(deadline));
    } catch (RuntimeException e) {
      stop(Duration.ofSeconds(5));
      throw e;
    }
  }

  /**
   * Waits until every running node reports at least {@code height}.
   *
   * @throws TestnetException when a node's process dies or the timeout passes
   */
  public void awaitHeight(long height, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    String lastProblem = "";
    while (true) {
      boolean all = true;
      for (NodeProcess node : nodes) {
        Optional<String> dead = node.diagnose();
        if (dead.isPresent()) {
          throw new TestnetException(dead.get());
        }
        try {
          long h = node.height();
          if (h < height) {
            all = false;
            lastProblem = node.name() + " is at height " + h;
          }
        } catch (RpcException e) {
          all = false;
          lastProblem = e.getMessage();
        }
      }
      if (all) {
        return;
      }
      if (System.nanoTime() - deadline > 0) {
        throw new TestnetException(
            "the testnet did not reach height "
                + height
                + " within "
                + timeout.toSeconds()
                + " s ("
                + lastProblem
                + "); see the logs in "
                + dir
                + "/node*/");
      }
      NodeProcess.sleep(200);
    }
  }

  /**
   * SIGKILLs both processes of one node at once (see {@link NodeProcess#kill()}).
   *
   * @return true when something was running
   */
  public boolean kill(String nodeName) {
    return node(nodeName).kill();
  }

  /** SIGSTOPs both processes of one node. */
  public void pause(String nodeName) {
    node(nodeName).pause();
  }

  /** SIGCONTs both processes of one node. */
  public void resume(String nodeName) {
    node(nodeName).resume();
  }

  /**
   * Starts one node again on its data: whatever of it still runs is stopped first (SIGTERM, then
   * SIGKILL after {@code grace}), then the app and CometBFT start, and this waits until the node's
   * RPC answers. The node then catches up with the others by itself.
   *
   * @return the height the node reported first
   * @throws TestnetException when a process dies or the RPC does not answer within {@code timeout}
   */
  public long restart(String nodeName, Duration grace, Duration timeout) {
    NodeProcess node = node(nodeName);
    cometBft.requireInstalled();
    node.stop(grace);
    PortAllocator.requireFree(node.name(), node.ports());
    long deadline = System.nanoTime() + timeout.toNanos();
    node.startApp(remaining(deadline));
    node.startComet();
    String last = "";
    while (System.nanoTime() - deadline < 0) {
      Optional<String> dead = node.diagnose();
      if (dead.isPresent()) {
        throw new TestnetException(dead.get());
      }
      try {
        return node.height();
      } catch (RpcException e) {
        last = e.getMessage();
      }
      NodeProcess.sleep(200);
    }
    throw new TestnetException(
        nodeName + "'s RPC did not answer within " + timeout.toSeconds() + " s: " + last);
  }

  /**
   * The node called {@code name} ({@code node0}, ...), or with a bare index ({@code 2}).
   *
   * @throws TestnetException naming the nodes there are
   */
  public NodeProcess node(String name) {
    for (NodeProcess n : nodes) {
      if (n.name().equals(name) || ("node" + name).equals(n.name())) {
        return n;
      }
    }
    throw new TestnetException(
        "no node '"
            + name
            + "' in "
            + dir
            + "; its nodes are "
            + String.join(", ", nodes.stream().map(NodeProcess::name).toList()));
  }

  /** The sprint settings recorded when the testnet was created. */
  public SprintSettings sprintSettings() {
    return manifest.sprint();
  }

  /** Stops every node (SIGTERM, SIGKILL after {@code grace}); keeps all data. */
  public void stop(Duration grace) {
    // In parallel: a CometBFT whose peers are gone can take seconds to exit on SIGTERM, and
    // nodes one after the other would add those up.
    List<Thread> threads = new ArrayList<>();
    List<RuntimeException> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    for (NodeProcess node : nodes.reversed()) {
      threads.add(
          Thread.ofPlatform()
              .name("stop-" + node.name())
              .start(
                  () -> {
                    try {
                      node.stop(grace);
                    } catch (RuntimeException e) {
                      failures.add(e);
                    }
                  }));
    }
    long joinMillis = grace.toMillis() + Duration.ofSeconds(30).toMillis();
    for (Thread t : threads) {
      try {
        t.join(joinMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new TestnetException("interrupted while stopping the testnet", e);
      }
    }
    if (!failures.isEmpty()) {
      throw failures.getFirst();
    }
  }

  /** Stops every node and deletes the testnet folder. */
  public void reset(Duration grace) {
    stop(grace);
    deleteTree(dir);
  }

  public boolean isRunning() {
    return nodes.stream().anyMatch(NodeProcess::isRunning);
  }

  public List<NodeReport> status() {
    return nodes.stream().map(NodeProcess::report).toList();
  }

  public Path dir() {
    return dir;
  }

  public TestnetManifest manifest() {
    return manifest;
  }

  public String chainId() {
    return manifest.chainId();
  }

  public List<NodeProcess> nodes() {
    return nodes;
  }

  public NodeProcess node(int index) {
    return nodes.get(index);
  }

  public URI rpcUrl(int index) {
    return nodes.get(index).rpcUrl();
  }

  /** The keyring in {@code D/keys} ("demo", "validator0", ...). */
  public Keyring keyring() {
    return new Keyring(dir);
  }

  public Address demoAddress() {
    return Address.parse(manifest.demoAddress());
  }

  public Ed25519.KeyPair demoKey() {
    return keyring().keyPair(DEMO_KEY);
  }

  private static Duration remaining(long deadlineNanos) {
    return Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
  }

  private static boolean isEmptyDir(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.findAny().isEmpty();
    } catch (IOException e) {
      return false;
    }
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new TestnetException("cannot delete " + dir + ": " + e, e);
    }
  }
}
