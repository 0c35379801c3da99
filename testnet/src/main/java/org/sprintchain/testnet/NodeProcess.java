package org.sprintchain.testnet;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.sprintchain.client.CometRpcClient;
import org.sprintchain.client.NodeStatus;
import org.sprintchain.client.RpcException;

/**
 * One node of a local testnet: the Sprintchain app JVM and the CometBFT process that drives it,
 * both detached, with their pid files and logs in the node's folder:
 *
 * <pre>
 * nodeI/cometbft/      CometBFT home (config/, data/)
 * nodeI/data/          app data (NodeMain --home nodeI)
 * nodeI/app.log, nodeI/cometbft.log, nodeI/app.pid, nodeI/cometbft.pid
 * </pre>
 *
 * When {@code launcher} is null, CometBFT runs its built-in app (its config's proxy_app, e.g.
 * kvstore) and there is no app process.
 */
public final class NodeProcess {
  private static final Duration RPC_TIMEOUT = Duration.ofSeconds(3);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String name;
  private final Path dir;
  private final NodePorts ports;
  private final CometBft cometBft;
  private final AppLauncher launcher;

  public NodeProcess(
      String name, Path dir, NodePorts ports, CometBft cometBft, AppLauncher launcher) {
    this.name = name;
    this.dir = dir;
    this.ports = ports;
    this.cometBft = cometBft;
    this.launcher = launcher;
  }

  public String name() {
    return name;
  }

  public Path dir() {
    return dir;
  }

  public NodePorts ports() {
    return ports;
  }

  public Path cometHome() {
    return dir.resolve("cometbft");
  }

  public Path appLog() {
    return dir.resolve("app.log");
  }

  public Path cometLog() {
    return dir.resolve("cometbft.log");
  }

  private Path appPidFile() {
    return dir.resolve("app.pid");
  }

  private Path cometPidFile() {
    return dir.resolve("cometbft.pid");
  }

  public URI rpcUrl() {
    return URI.create(ports.rpcUrl());
  }

  /** A new RPC client for this node; close it after use. */
  public CometRpcClient rpc() {
    return new CometRpcClient(rpcUrl(), RPC_TIMEOUT);
  }

  public Optional<DetachedProcess> app() {
    return DetachedProcess.fromPidFile(appPidFile()).filter(DetachedProcess::isAlive);
  }

  public Optional<DetachedProcess> comet() {
    return DetachedProcess.fromPidFile(cometPidFile()).filter(DetachedProcess::isAlive);
  }

  /** The file of extra sprint worker flags for this node, one per line. */
  static Path workerArgsFile(Path nodeDir) {
    return nodeDir.resolve("worker-args");
  }

  /** Records extra worker flags for the node in {@code nodeDir}; used at every start. */
  public static void writeWorkerArgs(Path nodeDir, List<String> args) {
    try {
      Files.createDirectories(nodeDir);
      Files.write(workerArgsFile(nodeDir), args);
    } catch (IOException e) {
      throw new TestnetException("cannot write " + workerArgsFile(nodeDir) + ": " + e, e);
    }
  }

  /**
   * The worker flags of this node: {@code --rpc} and {@code --worker-key} (the worker runs when the
   * chain has sprints and stays idle otherwise), {@code --http} (the inference API), then any from
   * {@code worker-args}.
   */
  List<String> workerArgs() {
    List<String> args = new ArrayList<>();
    args.add("--rpc");
    args.add(ports.rpcUrl().toString());
    args.add("--worker-key");
    args.add(cometHome().resolve("config/priv_validator_key.json").toString());
    args.add("--http");
    args.add("127.0.0.1:" + ports.http());
    Path extra = workerArgsFile(dir);
    if (Files.isRegularFile(extra)) {
      try {
        Files.readAllLines(extra).stream()
            .map(String::trim)
            .filter(l -> !l.isEmpty())
            .forEach(args::add);
      } catch (IOException e) {
        throw new TestnetException("cannot read " + extra + ": " + e, e);
      }
    }
    return args;
  }

  /** True when the app or CometBFT process of this node runs. */
  public boolean isRunning() {
    return app().isPresent() || comet().isPresent();
  }

  /** Starts the app and waits until it listens on its ABCI port. No-op for a built-in app. */
  public void startApp(Duration timeout) {
    if (launcher == null) {
      return;
    }
    if (app().isPresent()) {
      throw new TestnetException(name + ": app already running (pid " + app().get().pid() + ")");
    }
    List<String> command = new ArrayList<>(launcher.command(dir, ports));
    command.addAll(workerArgs());
    DetachedProcess p = DetachedProcess.start(command, dir, appLog(), appPidFile());
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!PortAllocator.isListening(ports.abci())) {
      if (!p.isAlive()) {
        throw new TestnetException(
            name
                + ": the app exited during startup; last lines of "
                + appLog()
                + ":\n"
                + DetachedProcess.tail(appLog(), 20));
      }
      if (System.nanoTime() - deadline > 0) {
        throw new TestnetException(
            name
                + ": the app did not listen on ABCI port "
                + ports.abci()
                + " within "
                + timeout.toSeconds()
                + " s; see "
                + appLog());
      }
      sleep(100);
    }
  }

  /** Starts CometBFT from the node's home. */
  public void startComet() {
    if (comet().isPresent()) {
      throw new TestnetException(
          name + ": CometBFT already running (pid " + comet().get().pid() + ")");
    }
    DetachedProcess.start(cometBft.startCommand(cometHome()), dir, cometLog(), cometPidFile());
  }

  /** Starts the app, then CometBFT. */
  public void start(Duration appStartTimeout) {
    startApp(appStartTimeout);
    startComet();
  }

  /**
   * Stops CometBFT, then the app: SIGTERM, and SIGKILL for a process still alive after {@code
   * grace}. Data stays.
   *
   * @return true when some process had to be killed
   */
  public boolean stop(Duration grace) {
    boolean killed = false;
    Optional<DetachedProcess> c = DetachedProcess.fromPidFile(cometPidFile());
    if (c.isPresent()) {
      killed |= c.get().stop(grace);
    }
    Optional<DetachedProcess> a = DetachedProcess.fromPidFile(appPidFile());
    if (a.isPresent()) {
      killed |= a.get().stop(grace);
    }
    return killed;
  }

  /**
   * A crash: SIGKILL to CometBFT and the app, both sent before waiting for either (no SIGTERM, so
   * neither gets to flush or close anything). Data stays as the crash left it.
   *
   * @return true when some process was running and got the signal
   */
  public boolean kill() {
    List<DetachedProcess> procs = processes();
    boolean sent = false;
    for (DetachedProcess p : procs) {
      sent |= p.sendKill();
    }
    for (DetachedProcess p : procs) {
      p.awaitGone(Duration.ofSeconds(10));
    }
    return sent;
  }

  /**
   * Freezes both processes with SIGSTOP (CometBFT first, so it stops talking to a frozen app): the
   * node stops voting and answering RPC but keeps its sockets, as a hung machine would.
   *
   * @throws TestnetException when the node is not running
   */
  public void pause() {
    List<DetachedProcess> procs = processes();
    if (procs.isEmpty()) {
      throw new TestnetException(name + " is not running");
    }
    for (DetachedProcess p : procs) {
      p.signal(DetachedProcess.Signal.STOP);
    }
    awaitPaused(procs, PAUSE_TIMEOUT);
  }

  /** How long a SIGSTOP may take to stop every thread of a process. */
  static final Duration PAUSE_TIMEOUT = Duration.ofSeconds(5);

  /**
   * Waits until every process reports the stopped state: {@code kill} returns once the signal is
   * queued, and a multi-threaded JVM stops a moment later.
   */
  private void awaitPaused(List<DetachedProcess> procs, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!procs.stream().allMatch(DetachedProcess::isPaused)) {
      if (System.nanoTime() > deadline) {
        throw new TestnetException(name + " did not stop within " + timeout + " of SIGSTOP");
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new TestnetException("interrupted while pausing " + name, e);
      }
    }
  }

  /** SIGCONT to both processes (the app first); a no-op for a node that is not paused. */
  public void resume() {
    for (DetachedProcess p : processes().reversed()) {
      if (p.isPaused()) {
        p.signal(DetachedProcess.Signal.CONT);
      }
    }
  }

  /** True when a process of this node is stopped by SIGSTOP. */
  public boolean isPaused() {
    return processes().stream().anyMatch(DetachedProcess::isPaused);
  }

  /** The running processes: CometBFT, then the app. */
  private List<DetachedProcess> processes() {
    List<DetachedProcess> list = new ArrayList<>(2);
    comet().ifPresent(list::add);
    app().ifPresent(list::add);
    return list;
  }

  /**
   * This node's CometBFT validator address (upper-case hex), from its {@code
   * priv_validator_key.json}.
   *
   * @throws TestnetException when the key file cannot be read
   */
  public String validatorAddress() {
    Path file = cometHome().resolve("config/priv_validator_key.json");
    try {
      return JSON.readTree(file.toFile()).path("address").asText().toUpperCase(Locale.ROOT);
    } catch (IOException e) {
      throw new TestnetException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** The latest height from this node's RPC. */
  public long height() {
    try (CometRpcClient rpc = rpc()) {
      return rpc.status().latestHeight();
    }
  }

  /** Pids, height and app hash (from CometBFT's /status). */
  public NodeReport report() {
    OptionalLong appPid = app().map(p -> OptionalLong.of(p.pid())).orElse(OptionalLong.empty());
    OptionalLong cometPid = comet().map(p -> OptionalLong.of(p.pid())).orElse(OptionalLong.empty());
    boolean appUp = launcher == null || appPid.isPresent();
    NodeReport.State state =
        appUp && cometPid.isPresent()
            ? NodeReport.State.RUNNING
            : appPid.isPresent() || cometPid.isPresent()
                ? NodeReport.State.DEGRADED
                : NodeReport.State.STOPPED;
    if (isPaused()) {
      return new NodeReport(
          name,
          NodeReport.State.PAUSED,
          ports.rpcUrl(),
          appPid,
          cometPid,
          OptionalLong.empty(),
          Optional.empty(),
          Optional.of("paused (SIGSTOP); 'bin/sprint testnet resume " + name + "' continues it"));
    }
    if (cometPid.isEmpty()) {
      return new NodeReport(
          name,
          state,
          ports.rpcUrl(),
          appPid,
          cometPid,
          OptionalLong.empty(),
          Optional.empty(),
          Optional.of("CometBFT not running"));
    }
    try (CometRpcClient rpc = rpc()) {
      NodeStatus s = rpc.status();
      return new NodeReport(
          name,
          state,
          ports.rpcUrl(),
          appPid,
          cometPid,
          OptionalLong.of(s.latestHeight()),
          Optional.of(s.latestAppHash()),
          Optional.empty());
    } catch (RpcException e) {
      return new NodeReport(
          name,
          state,
          ports.rpcUrl(),
          appPid,
          cometPid,
          OptionalLong.empty(),
          Optional.empty(),
          Optional.of(e.getMessage()));
    }
  }

  /** Which process died, with the tail of its log; empty when both run. */
  public Optional<String> diagnose() {
    if (launcher != null && app().isEmpty()) {
      return Optional.of(
          name
              + ": the app is not running; last lines of "
              + appLog()
              + ":\n"
              + DetachedProcess.tail(appLog(), 20));
    }
    if (comet().isEmpty()) {
      return Optional.of(
          name
              + ": CometBFT is not running; last lines of "
              + cometLog()
              + ":\n"
              + DetachedProcess.tail(cometLog(), 20));
    }
    return Optional.empty();
  }

  static void sleep(long millis) {
    try {
      TimeUnit.MILLISECONDS.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TestnetException("interrupted", e);
    }
  }
}
