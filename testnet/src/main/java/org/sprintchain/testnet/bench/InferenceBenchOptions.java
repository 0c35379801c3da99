package org.sprintchain.testnet.bench;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The command line of {@code bench inference}.
 *
 * @param engineRounds timed rounds per engine measurement (median reported)
 * @param engineLimit first N corpus sentences for the engine part; 0 means the whole corpus
 * @param threads threads of the engine's multi-thread measurement (1 skips it)
 * @param jobs paid jobs on the net, MiniLM ones included
 * @param minilmJobs how many of {@code jobs} ask for all-MiniLM-L6-v2 (the rest: synthetic)
 * @param rate offered jobs per second; 0 sends them all at once
 * @param dir the testnet folder; empty means a fresh temporary folder
 * @param out the JSON result file; empty means {@code <sprint.root>/.testnet-bench/inference.json}
 */
record InferenceBenchOptions(
    boolean quick,
    int engineRounds,
    int engineLimit,
    int threads,
    int jobs,
    int minilmJobs,
    double rate,
    boolean skipEngine,
    boolean skipNet,
    Optional<Path> dir,
    Optional<Path> out,
    boolean keep,
    boolean help) {

  static final int DEFAULT_JOBS = 50;
  static final int QUICK_JOBS = 12;
  static final int DEFAULT_ROUNDS = 5;
  static final int QUICK_ROUNDS = 2;
  static final int QUICK_SENTENCES = 60;
  static final double DEFAULT_RATE = 5;

  static final String USAGE =
      """
      Usage: bin/sprint bench inference [--quick] [--rounds N] [--jobs N] [--minilm-jobs N]
                                        [--rate R] [--threads N] [--skip-engine] [--skip-net]
                                        [--dir D] [--out FILE] [--keep]

      Two measurements in one run on this machine:
      1. Engine: embeddings per second of the integer MiniLM engine (bit-exact, what validators
         run), with its default matmul kernel and with the Vector API kernel (same bits), against
         ONNX Runtime (float, the same int8 ONNX file) on the MiniLM quality corpus (215
         sentences), one sentence at a time, one thread each and then --threads threads each;
         1 warm-up round, then the median of --rounds rounds, and the ratios (vector/default,
         ONNX Runtime/vector, ONNX Runtime/default). Runs in its own JVM from
         inference-runtime/minilm-bench/target/lib, so ONNX Runtime never joins the node's class
         path. There is no CUDA backend for MiniLM.
      2. Net: a 4-validator testnet with sprints and the inference market (synthetic model and
         all-MiniLM-L6-v2) on free loopback ports from 26500; --jobs paid jobs from the demo key,
         offered at --rate jobs/s, each timed from broadcast_tx_sync of its MsgInferenceRequest to
         the first block in which /inference/job/<id> reads DONE (checked at every new block).
         Prints p50/p95/p99 latency and jobs/s per model; the net is deleted afterwards.
      Prints a summary table and writes everything to FILE as JSON.

        --quick           a short run: 2 rounds on the first 60 sentences, 12 jobs
        --rounds N        timed engine rounds (default 5, --quick 2)
        --threads N       threads of the engine's multi-thread row; 1 skips it (default: cores)
        --jobs N          paid jobs on the net (default 50, --quick 12)
        --minilm-jobs N   how many of them run all-MiniLM-L6-v2 (default: a fifth, at least 1)
        --rate R          offered jobs per second; 0 sends all at once (default 5)
        --skip-engine     skip part 1
        --skip-net        skip part 2
        --dir D           folder of the testnet (default: a new temp folder); must be empty
        --out FILE        the JSON result (default: .testnet-bench/inference.json in the repo)
        --keep            keep the testnet's folder (stopped) after the run
        --help            this text
      """;

  static InferenceBenchOptions parse(String[] args) {
    boolean quick = false;
    Integer rounds = null;
    Integer jobs = null;
    Integer minilm = null;
    int threads = Runtime.getRuntime().availableProcessors();
    double rate = DEFAULT_RATE;
    boolean skipEngine = false;
    boolean skipNet = false;
    Optional<Path> dir = Optional.empty();
    Optional<Path> out = Optional.empty();
    boolean keep = false;
    boolean help = false;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--help", "-h" -> help = true;
        case "--quick" -> quick = true;
        case "--keep" -> keep = true;
        case "--skip-engine" -> skipEngine = true;
        case "--skip-net" -> skipNet = true;
        case "--rounds" -> rounds = range(a, BenchOptions.value(args, ++i, a), 1, 1_000);
        case "--threads" -> threads = range(a, BenchOptions.value(args, ++i, a), 1, 1_024);
        case "--jobs" -> jobs = range(a, BenchOptions.value(args, ++i, a), 1, 100_000);
        case "--minilm-jobs" -> minilm = range(a, BenchOptions.value(args, ++i, a), 0, 100_000);
        case "--rate" -> rate = rate(a, BenchOptions.value(args, ++i, a));
        case "--dir" -> dir = Optional.of(Path.of(BenchOptions.value(args, ++i, a)));
        case "--out" -> out = Optional.of(Path.of(BenchOptions.value(args, ++i, a)));
        default -> throw new IllegalArgumentException("unknown option '" + a + "'; see --help");
      }
    }
    int n = jobs != null ? jobs : quick ? QUICK_JOBS : DEFAULT_JOBS;
    int m = minilm != null ? minilm : Math.max(1, n / 5);
    if (m > n) {
      throw new IllegalArgumentException(
          "--minilm-jobs (" + m + ") must be at most --jobs (" + n + ")");
    }
    if (skipEngine && skipNet) {
      throw new IllegalArgumentException("--skip-engine and --skip-net leave nothing to measure");
    }
    return new InferenceBenchOptions(
        quick,
        rounds != null ? rounds : quick ? QUICK_ROUNDS : DEFAULT_ROUNDS,
        quick ? QUICK_SENTENCES : 0,
        threads,
        n,
        m,
        rate,
        skipEngine,
        skipNet,
        dir,
        out,
        keep,
        help);
  }

  /**
   * The model of job {@code index} (0-based): the MiniLM jobs spread evenly among the synthetic
   * ones, so both models see the same chain load.
   */
  boolean isMiniLm(int index) {
    if (minilmJobs == 0) {
      return false;
    }
    // job i is MiniLM when floor((i+1)·m/n) > floor(i·m/n): exactly m of n, evenly spaced
    return (long) (index + 1) * minilmJobs / jobs > (long) index * minilmJobs / jobs;
  }

  private static double rate(String option, String text) {
    double v;
    try {
      v = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " must be a number, got '" + text + "'", e);
    }
    if (!(v >= 0 && v <= 10_000)) {
      throw new IllegalArgumentException(option + " must be in [0, 10000], got " + text);
    }
    return v;
  }

  private static int range(String option, String text, int min, int max) {
    return (int) BenchOptions.range(option, text, min, max);
  }
}
