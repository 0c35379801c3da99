package org.sprintchain.testnet.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Function;
import org.sprintchain.chain.crypto.Ed25519;
import org.sprintchain.client.RpcException;
import org.sprintchain.client.TxSender;
import org.sprintchain.testnet.CometBft;
import org.sprintchain.testnet.LocalTestnet;
import org.sprintchain.testnet.NodeProcess;
import org.sprintchain.testnet.PortAllocator;
import org.sprintchain.testnet.TestnetConfig;
import org.sprintchain.testnet.TestnetException;
import org.sprintchain.testnet.load.KvStoreTxSource;
import org.sprintchain.testnet.load.LoadConfig;
import org.sprintchain.testnet.load.LoadGenerator;
import org.sprintchain.testnet.load.LoadReport;
import org.sprintchain.testnet.load.TransferTxSource;
import org.sprintchain.testnet.load.TxSource;

/**
 * {@code bin/sprint bench transfers}: committed signed transfers per second on a local Sprintchain
 * testnet (1 validator by default), measured beside CometBFT's built-in kvstore app with the same
 * consensus settings and the same load generator, in one run on one machine. See {@link
 * BenchOptions#USAGE}.
 */
public final class TransferBenchmark {
  public static final String RESULT_FILE = "bench-transfers.json";
  private static final int PORT_SEARCH_FROM = 27_000;
  private static final Duration STOP_GRACE = Duration.ofSeconds(10);
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final BenchOptions options;
  private final PrintStream out;
  private volatile LocalTestnet running;

  private TransferBenchmark(BenchOptions options, PrintStream out) {
    this.options = options;
    this.out = out;
  }

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /**
   * Runs the benchmark.
   *
   * @return 0 on success, 2 when a side failed verification, 1 on an error, 64 on a usage error
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    BenchOptions options;
    try {
      options = BenchOptions.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("bench transfers: " + e.getMessage());
      return 64;
    }
    if (options.help()) {
      out.print(BenchOptions.USAGE);
      return 0;
    }
    TransferBenchmark bench = new TransferBenchmark(options, out);
    Thread hook = Thread.ofPlatform().unstarted(bench::stopRunning);
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      return bench.execute();
    } catch (TestnetException | RpcException | IllegalArgumentException e) {
      err.println("bench transfers: error: " + e.getMessage());
      return 1;
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // already shutting down: the hook runs
      }
    }
  }

  private int execute() {
    Path dir = prepareDir();
    CometBft comet = CometBft.locate().requireInstalled();
    out.printf(
        Locale.ROOT,
        "bench transfers: %d s warm-up + %d s window per side, %d clients, %d accounts, %s, in %s%n",
        options.warmup().toSeconds(),
        options.duration().toSeconds(),
        options.clients(),
        options.accounts(),
        options.targetTps() == 0 ? "max rate" : options.targetTps() + " tx/s target",
        dir);

    Side sprint =
        runSide(
            "sprint",
            TestnetConfig.App.SPRINT,
            dir.resolve("sprint"),
            net ->
                new TransferTxSource(
                    net.demoKey(),
                    options.accounts(),
                    TestnetConfig.DEFAULT_BALANCE / (2L * options.accounts()),
                    "bench"));
    int txBytes =
        sprint.report().avgTxBytes() > 0
            ? (int) sprint.report().avgTxBytes()
            : sampleTransferBytes();
    Side kvstore =
        runSide(
            "kvstore",
            TestnetConfig.App.KVSTORE,
            dir.resolve("kvstore"),
            net -> new KvStoreTxSource(txBytes, "b" + (System.currentTimeMillis() % 100_000)));

    ObjectNode result = resultJson(sprint, kvstore, comet);
    Path file = dir.resolve(RESULT_FILE);
    try {
      JSON.writeValue(file.toFile(), result);
    } catch (IOException e) {
      throw new TestnetException("cannot write " + file + ": " + e, e);
    }
    printSummary(sprint, kvstore, result, file);
    if (!sprint.report().verified() || !kvstore.report().verified()) {
      out.println(
          "bench transfers: FAILED verification: some acknowledged txs are missing or failed");
      return 2;
    }
    return 0;
  }

  private Path prepareDir() {
    try {
      if (options.dir().isEmpty()) {
        return Files.createTempDirectory("sprint-bench-").toAbsolutePath();
      }
      Path dir = options.dir().get().toAbsolutePath().normalize();
      if (Files.exists(dir.resolve("sprint")) || Files.exists(dir.resolve("kvstore"))) {
        throw new TestnetException(
            dir + " already holds a benchmark run (sprint/ or kvstore/); choose another --dir");
      }
      Files.createDirectories(dir);
      return dir;
    } catch (IOException e) {
      throw new TestnetException("cannot create the benchmark folder: " + e, e);
    }
  }

  private record Side(LoadReport report, ConsensusSettings settings) {}

  private Side runSide(
      String label, TestnetConfig.App app, Path dir, Function<LocalTestnet, TxSource> source) {
    int n = options.validators();
    int base = PortAllocator.findFreeBase(n, PORT_SEARCH_FROM);
    out.println("bench transfers: [" + label + "] starting " + n + " validator(s) in " + dir);
    LocalTestnet net =
        LocalTestnet.init(
            TestnetConfig.of(dir, n)
                .withBasePort(base)
                .withBlockInterval(options.blockInterval())
                .withApp(app));
    running = net;
    try {
      net.start(LocalTestnet.DEFAULT_START_TIMEOUT);
      ConsensusSettings settings = ConsensusSettings.read(net.node(0).cometHome());
      LoadConfig config =
          new LoadConfig(
              net.nodes().stream().map(NodeProcess::rpcUrl).toList(),
              options.clients(),
              options.warmup(),
              options.duration(),
              options.targetTps(),
              Duration.ofSeconds(60),
              Duration.ofSeconds(5),
              LoadConfig.DEFAULT_MAX_PENDING);
      LoadReport report =
          new LoadGenerator(config, line -> out.println("bench transfers: [" + label + "] " + line))
              .run(source.apply(net));
      out.println("bench transfers: [" + label + "] " + report.summary());
      return new Side(report, settings);
    } finally {
      running = null;
      if (options.keep()) {
        net.stop(STOP_GRACE);
      } else {
        net.reset(STOP_GRACE);
      }
    }
  }

  private void stopRunning() {
    LocalTestnet net = running;
    if (net != null) {
      net.stop(Duration.ofSeconds(3));
    }
  }

  private static int sampleTransferBytes() {
    Ed25519.KeyPair key = TransferTxSource.accountKey("bench", 0);
    return TxSender.signSend(key, TestnetConfig.DEFAULT_CHAIN_ID, 1_000, key.address(), 1, 1)
        .length;
  }

  private ObjectNode resultJson(Side sprint, Side kvstore, CometBft comet) {
    ObjectNode o = JSON.createObjectNode();
    o.put("benchmark", "transfers");
    o.put("finished_at", Instant.now().toString());
    ObjectNode machine = o.putObject("machine");
    machine.put("cores", Runtime.getRuntime().availableProcessors());
    machine.put("cpu", MachineInfo.cpuModel());
    machine.put("memory_mib", MachineInfo.memoryMib());
    machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    machine.put(
        "jdk",
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    machine.put("cometbft", comet.version());
    ObjectNode settings = o.putObject("settings");
    settings.put("validators", options.validators());
    settings.put("clients", options.clients());
    settings.put("accounts", options.accounts());
    settings.put("target_tps", options.targetTps());
    settings.put("warmup_s", options.warmup().toSeconds());
    settings.put("duration_s", options.duration().toSeconds());
    settings.put("block_interval_ms", options.blockInterval().toMillis());
    settings.put("broadcast", "broadcast_tx_sync");
    settings.put("max_pending", LoadConfig.DEFAULT_MAX_PENDING);
    settings.set("cometbft", sprint.settings().toJson(JSON));
    settings.put("same_cometbft_settings", sprint.settings().equals(kvstore.settings()));
    o.set("sprint", sprint.report().toJson(JSON));
    o.set("kvstore", kvstore.report().toJson(JSON));
    o.put("ratio_sprint_over_kvstore", ratio(sprint, kvstore));
    return o;
  }

  private static double ratio(Side sprint, Side kvstore) {
    double k = kvstore.report().committedTps();
    return k > 0 ? Math.round(sprint.report().committedTps() / k * 1000.0) / 1000.0 : 0;
  }

  private void printSummary(Side sprint, Side kvstore, ObjectNode result, Path file) {
    ObjectNode m = (ObjectNode) result.get("machine");
    out.println();
    out.println("bench transfers: results");
    out.printf(
        Locale.ROOT,
        "  machine   %d cores, %s, %d MiB; %s; %s; CometBFT %s%n",
        m.get("cores").asInt(),
        m.get("cpu").asText(),
        m.get("memory_mib").asLong(),
        m.get("os").asText(),
        m.get("jdk").asText(),
        m.get("cometbft").asText());
    var s = sprint.settings().values();
    out.printf(
        Locale.ROOT,
        "  settings  %d validator(s); timeout_commit %s, timeout_propose %s; mempool size %s,"
            + " max_txs_bytes %s; block max_bytes %s; %d clients, %d accounts, %s;"
            + " %d s warm-up, %d s window; same CometBFT settings on both sides: %s%n",
        options.validators(),
        s.get("consensus.timeout_commit"),
        s.get("consensus.timeout_propose"),
        s.get("mempool.size"),
        s.get("mempool.max_txs_bytes"),
        s.get("genesis.block.max_bytes"),
        options.clients(),
        options.accounts(),
        options.targetTps() == 0 ? "max rate" : options.targetTps() + " tx/s",
        options.warmup().toSeconds(),
        options.duration().toSeconds(),
        sprint.settings().equals(kvstore.settings()));
    line("sprint", sprint.report());
    line("kvstore", kvstore.report());
    out.printf(
        Locale.ROOT,
        "  ratio     sprint/kvstore = %.3f (target: at least 0.5)%n",
        ratio(sprint, kvstore));
    out.println("  json      " + file);
  }

  private void line(String label, LoadReport r) {
    out.printf(
        Locale.ROOT,
        "  %-9s %.1f tx/s committed (%d txs, %d blocks, %.1f s); latency p50 %d ms, p95 %d ms,"
            + " p99 %d ms; %d-byte txs; %s%n",
        label,
        r.committedTps(),
        r.windowTxs(),
        r.windowBlocks(),
        r.windowSeconds(),
        r.latency().p50Millis(),
        r.latency().p95Millis(),
        r.latency().p99Millis(),
        r.avgTxBytes(),
        r.verified()
            ? "all " + r.acknowledged() + " acknowledged txs committed with code 0"
            : r.missing() + " missing, " + r.failed() + " failed of " + r.acknowledged());
  }
}
