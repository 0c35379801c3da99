package org.sprintchain.testnet.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sprintchain.client.CometRpcClient;
import org.sprintchain.client.RpcException;
import org.sprintchain.testnet.CometBft;
import org.sprintchain.testnet.InferenceSetup;
import org.sprintchain.testnet.LocalTestnet;
import org.sprintchain.testnet.PortAllocator;
import org.sprintchain.testnet.SprintRoot;
import org.sprintchain.testnet.SprintSettings;
import org.sprintchain.testnet.SprintSetup;
import org.sprintchain.testnet.TestnetConfig;
import org.sprintchain.testnet.TestnetException;

/**
 * {@code bin/sprint bench inference}: the integer MiniLM engine against ONNX Runtime on this CPU
 * ({@link EngineComparison}), then the broadcast-to-DONE latency of paid jobs on a 4-validator
 * testnet with sprints and the inference market ({@link PaidJobLoad}), in one run, with one summary
 * table and one JSON file. See {@link InferenceBenchOptions#USAGE}.
 */
public final class InferenceBenchmark {
  public static final Path DEFAULT_OUT = Path.of(".testnet-bench", "inference.json");
  static final int VALIDATORS = 4;
  static final int PORT_SEARCH_FROM = 26_500;
  static final Duration BLOCK_INTERVAL = Duration.ofMillis(500);
  static final Duration DRAIN = Duration.ofSeconds(120);
  private static final Duration STOP_GRACE = Duration.ofSeconds(10);
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final InferenceBenchOptions options;
  private final PrintStream out;
  private volatile LocalTestnet running;

  private InferenceBenchmark(InferenceBenchOptions options, PrintStream out) {
    this.options = options;
    this.out = out;
  }

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /**
   * Runs the benchmark.
   *
   * @return 0 on success, 2 when some job did not end DONE, 1 on an error, 64 on a usage error
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    InferenceBenchOptions options;
    try {
      options = InferenceBenchOptions.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("bench inference: " + e.getMessage());
      return 64;
    }
    if (options.help()) {
      out.print(InferenceBenchOptions.USAGE);
      return 0;
    }
    InferenceBenchmark bench = new InferenceBenchmark(options, out);
    Thread hook = Thread.ofPlatform().unstarted(bench::stopRunning);
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      return bench.execute(err);
    } catch (TestnetException | RpcException | IllegalStateException e) {
      err.println("bench inference: error: " + e.getMessage());
      return 1;
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // already shutting down: the hook runs
      }
    }
  }

  private int execute(PrintStream err) {
    ObjectNode result = JSON.createObjectNode();
    result.put("benchmark", "inference");
    result.set("machine", machine());
    result.set("settings", settings());
    List<String> errors = new ArrayList<>();
    if (!options.skipEngine()) {
      out.println(
          "bench inference: [engine] integer MiniLM engine (default and Vector API kernels) vs"
              + " ONNX Runtime, same CPU");
      try {
        result.set(
            "engine",
            EngineComparison.run(
                SprintRoot.get(),
                options,
                line -> out.println("bench inference: [engine] " + line)));
      } catch (IllegalStateException e) {
        errors.add("engine: " + e.getMessage());
        result.putObject("engine").put("error", e.getMessage());
      }
    }
    List<PaidJob> jobs = List.of();
    if (!options.skipNet()) {
      try {
        jobs = runNet();
        result.set("net", netJson(jobs));
      } catch (TestnetException | RpcException e) {
        errors.add("net: " + e.getMessage());
        result.putObject("net").put("error", e.getMessage());
      }
    }
    result.put("finished_at", Instant.now().toString());
    Path file = outFile();
    write(result, file);
    printSummary(result, jobs, file);
    if (!errors.isEmpty()) {
      errors.forEach(e -> err.println("bench inference: error: " + e));
      return 1;
    }
    boolean allDone = jobs.stream().allMatch(j -> j.status().equals(PaidJob.DONE));
    return allDone ? 0 : 2;
  }

  private List<PaidJob> runNet() {
    CometBft.locate().requireInstalled();
    Path dir = prepareDir();
    int base = PortAllocator.findFreeBase(VALIDATORS, PORT_SEARCH_FROM);
    log(
        "[net] starting "
            + VALIDATORS
            + " validators with sprints (epoch 20, tiny) and the inference market in "
            + dir
            + ", ports from "
            + base);
    LocalTestnet net =
        LocalTestnet.init(
            TestnetConfig.of(dir, VALIDATORS)
                .withBasePort(base)
                .withBlockInterval(BLOCK_INTERVAL)
                .withSprint(new SprintSettings(20, SprintSettings.Preset.TINY)),
            SprintSetup.DEFAULT.withInference(InferenceSetup.section()));
    running = net;
    try {
      net.start(LocalTestnet.DEFAULT_START_TIMEOUT);
      log(
          String.format(
              Locale.ROOT,
              "[net] sending %d jobs (%d %s, %d %s) %s",
              options.jobs(),
              options.jobs() - options.minilmJobs(),
              InferenceSetup.SYNTHETIC,
              options.minilmJobs(),
              InferenceSetup.MINILM,
              options.rate() > 0 ? "at " + options.rate() + " jobs/s" : "all at once"));
      try (CometRpcClient rpc = net.node(0).rpc()) {
        return new PaidJobLoad(rpc, net.demoKey(), net.chainId(), line -> log("[net] " + line))
            .run(options, DRAIN);
      }
    } finally {
      running = null;
      if (options.keep()) {
        net.stop(STOP_GRACE);
        log("[net] stopped; kept " + dir);
      } else {
        net.reset(STOP_GRACE);
        log("[net] stopped and deleted " + dir);
      }
    }
  }

  private Path prepareDir() {
    try {
      if (options.dir().isEmpty()) {
        return Files.createTempDirectory("sprint-bench-inference-").toAbsolutePath();
      }
      Path dir = options.dir().get().toAbsolutePath().normalize();
      Files.createDirectories(dir);
      return dir;
    } catch (IOException e) {
      throw new TestnetException("cannot create the benchmark folder: " + e, e);
    }
  }

  private Path outFile() {
    return options.out().orElse(SprintRoot.get().resolve(DEFAULT_OUT)).toAbsolutePath();
  }

  private void stopRunning() {
    LocalTestnet net = running;
    if (net != null) {
      net.stop(Duration.ofSeconds(3));
    }
  }

  private void log(String line) {
    out.println("bench inference: " + line);
  }

  /** Per model, then all jobs together, in a fixed order. */
  static List<JobLatencies> byModel(List<PaidJob> jobs) {
    List<JobLatencies> rows = new ArrayList<>();
    for (String model : List.of(InferenceSetup.SYNTHETIC, InferenceSetup.MINILM)) {
      List<PaidJob> of = jobs.stream().filter(j -> j.model().equals(model)).toList();
      if (!of.isEmpty()) {
        rows.add(JobLatencies.of(model, of));
      }
    }
    rows.add(JobLatencies.of("all", jobs));
    return rows;
  }

  private ObjectNode netJson(List<PaidJob> jobs) {
    ObjectNode net = JSON.createObjectNode();
    net.put("validators", VALIDATORS);
    net.put("block_interval_ms", BLOCK_INTERVAL.toMillis());
    net.put("sprint_epoch_blocks", 20);
    net.put("sprint_preset", SprintSettings.Preset.TINY.label());
    net.put(
        "audit_rate_bps", InferenceSetup.section().path("params").path("audit_rate_bps").asInt());
    net.put("offered_jobs_per_s", options.rate());
    net.put("poll_ms", PaidJobLoad.POLL_MILLIS);
    net.put("latency", "broadcast_tx_sync of the request to the first new block observed DONE");
    ArrayNode models = net.putArray("models");
    byModel(jobs).forEach(r -> models.add(r.toJson(JSON)));
    ArrayNode rows = net.putArray("jobs");
    for (PaidJob j : jobs) {
      ObjectNode o = rows.addObject();
      o.put("index", j.index());
      o.put("model", j.model());
      o.put("id", j.id());
      o.put("status", j.status());
      o.put("latency_ms", j.isFinal() ? Math.round(j.latencyNanos() / 1e6) : -1);
      o.put("executor", j.executor());
      o.put("audited", j.sampled());
      if (!j.detail().isEmpty()) {
        o.put("detail", j.detail());
      }
    }
    return net;
  }

  private ObjectNode machine() {
    ObjectNode m = JSON.createObjectNode();
    m.put("cores", Runtime.getRuntime().availableProcessors());
    m.put("cpu", MachineInfo.cpuModel());
    m.put("memory_mib", MachineInfo.memoryMib());
    m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    m.put(
        "jdk",
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    return m;
  }

  private ObjectNode settings() {
    ObjectNode s = JSON.createObjectNode();
    s.put("quick", options.quick());
    s.put("engine_rounds", options.engineRounds());
    s.put("engine_sentences_limit", options.engineLimit());
    s.put("threads", options.threads());
    s.put("jobs", options.jobs());
    s.put("minilm_jobs", options.minilmJobs());
    s.put("rate", options.rate());
    return s;
  }

  private static void write(ObjectNode result, Path file) {
    try {
      Files.createDirectories(file.getParent());
      JSON.writeValue(file.toFile(), result);
    } catch (IOException e) {
      throw new TestnetException("cannot write " + file + ": " + e, e);
    }
  }

  private void printSummary(ObjectNode result, List<PaidJob> jobs, Path file) {
    JsonNode m = result.path("machine");
    out.println();
    out.println("bench inference: results");
    out.printf(
        Locale.ROOT,
        "  machine   %d cores, %s, %d MiB; %s; %s%n",
        m.path("cores").asInt(),
        m.path("cpu").asText(),
        m.path("memory_mib").asLong(),
        m.path("os").asText(),
        m.path("jdk").asText());
    JsonNode engine = result.path("engine");
    if (!engine.isMissingNode()) {
      out.println("  -- engine: MiniLM embeddings/s on this CPU");
      if (engine.has("error")) {
        out.println("  error     " + engine.path("error").asText());
        out.println("  cuda      " + "no CUDA backend for MiniLM");
      } else {
        EngineComparison.summary(engine).forEach(out::println);
      }
    }
    JsonNode net = result.path("net");
    if (!net.isMissingNode()) {
      out.printf(
          Locale.ROOT,
          "  -- net: paid jobs on %d validators, %d ms blocks, offered %s; broadcast -> DONE%n",
          VALIDATORS,
          BLOCK_INTERVAL.toMillis(),
          options.rate() > 0 ? options.rate() + " jobs/s" : "all at once");
      if (net.has("error")) {
        out.println("  error     " + net.path("error").asText());
      } else {
        out.printf(
            Locale.ROOT,
            "  %-18s %5s %5s %7s %8s %8s %8s %8s%n",
            "model",
            "jobs",
            "done",
            "audited",
            "p50 ms",
            "p95 ms",
            "p99 ms",
            "jobs/s");
        for (JobLatencies r : byModel(jobs)) {
          out.printf(
              Locale.ROOT,
              "  %-18s %5d %5d %7d %8d %8d %8d %8.2f%s%n",
              r.label(),
              r.jobs(),
              r.done(),
              r.sampled(),
              r.latency().p50Millis(),
              r.latency().p95Millis(),
              r.latency().p99Millis(),
              r.jobsPerSecond(),
              r.notDone().isEmpty() ? "" : "  not done: " + r.notDone());
        }
      }
    }
    out.println("  json      " + file);
  }
}
