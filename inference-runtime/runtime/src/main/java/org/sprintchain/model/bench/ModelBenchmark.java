package org.sprintchain.model.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.sprintchain.model.ModelParams;
import org.sprintchain.model.NonceDigest;
import org.sprintchain.model.NonceRange;
import org.sprintchain.model.Sha256;
import org.sprintchain.model.SprintBackend;
import org.sprintchain.model.SprintModel;
import org.sprintchain.model.runtime.Backends;

/**
 * {@code bin/sprint bench model}: nonces/s and effective int8 ops/s per backend, weight generation
 * time, the vector/scalar ratio and, on a GPU, the fraction of the H100 SXM dense INT8 peak. Every
 * backend's first digest is compared with the others, so a fast wrong backend cannot go unnoticed.
 */
public final class ModelBenchmark {
  /** H100 SXM dense INT8 tensor-core peak, ops/s. */
  static final double H100_INT8_PEAK = 1979e12;

  private ModelBenchmark() {}

  /** One backend's figures. */
  record Result(
      String backend,
      double weightSeconds,
      long nonces,
      double seconds,
      double noncesPerSecond,
      double opsPerSecond,
      String firstDigest) {}

  /** Parsed command line. */
  record Options(String preset, String backend, double seconds) {
    static Options parse(String[] args) {
      String preset = "tiny";
      String backend = "all";
      double seconds = 3;
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--preset" -> preset = value(args, ++i);
          case "--backend" -> backend = value(args, ++i);
          case "--seconds" -> seconds = Double.parseDouble(value(args, ++i));
          default -> throw new IllegalArgumentException("unknown argument " + args[i]);
        }
      }
      ModelParams.preset(preset);
      if (!(seconds > 0)) {
        throw new IllegalArgumentException("--seconds must be > 0");
      }
      return new Options(preset, backend, seconds);
    }

    private static String value(String[] args, int i) {
      if (i >= args.length) {
        throw new IllegalArgumentException(args[i - 1] + " needs a value");
      }
      return args[i];
    }
  }

  static final String USAGE =
      """
      Usage: bin/sprint bench model [--preset P] [--backend B] [--seconds S]
        --preset   tiny | cpu-small | gpu-large          (default tiny)
        --backend  all | auto | cpu | scalar | vector | cuda  (default all: every available one)
        --seconds  measuring time per backend, after a short warm-up (default 3)
      Prints nonces/s, effective int8 ops/s (2 per multiply-add), weight generation time,
      the vector/scalar ratio, and on a GPU the fraction of the H100 SXM INT8 peak (1,979 TOPS).
      JVM flags: --add-modules jdk.incubator.vector (vector backend),
      --enable-native-access=ALL-UNNAMED (JNA, cuda backend, JDK 24+).
      """;

  /** Entry point; exit status 2 on bad arguments, 1 when a backend fails. */
  public static void main(String[] args) {
    int status = run(args, System.out, System.err);
    if (status != 0) {
      System.exit(status);
    }
  }

  /** Runs with command-line arguments; returns the exit status (0 ok, 1 failed, 2 usage). */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    List<String> list = List.of(args);
    if (list.contains("--help") || list.contains("-h")) {
      out.print(USAGE);
      return 0;
    }
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("bench model: " + e.getMessage());
      err.print(USAGE);
      return 2;
    }
    try {
      run(options, out);
      return 0;
    } catch (IllegalStateException e) {
      err.println("bench model: " + e.getMessage());
      return 1;
    }
  }

  /** Runs the benchmark and prints the report; returns the per-backend results. */
  static List<Result> run(Options options, PrintStream out) {
    ModelParams params = ModelParams.preset(options.preset());
    List<SprintBackend> backends = new ArrayList<>();
    if (options.backend().equals("all")) {
      Backends.all().stream().filter(SprintBackend::available).forEach(backends::add);
    } else {
      backends.add(Backends.select(options.backend()));
    }
    out.printf(
        Locale.ROOT,
        "sprint model %s: d=%d L=%d H=%d F=%d T=%d V=%d, %.1f MB weights, %.4f G MAC/nonce, %d cores%n",
        options.preset(),
        params.dModel(),
        params.layers(),
        params.heads(),
        params.dFf(),
        params.seqLen(),
        params.vocab(),
        params.weightBytes() / 1e6,
        params.macsPerNonce() / 1e9,
        Runtime.getRuntime().availableProcessors());
    List<Result> results = new ArrayList<>();
    for (SprintBackend backend : backends) {
      long heap = Runtime.getRuntime().maxMemory();
      if (!backend.name().equals("cuda") && params.weightBytes() > heap / 2) {
        out.printf(
            Locale.ROOT,
            "%-7s skipped: %.1f GB of weights need a heap over %.1f GB (-Xmx)%n",
            backend.name(),
            params.weightBytes() / 1e9,
            2 * params.weightBytes() / 1e9);
        continue;
      }
      Result r = measure(backend, params, options.seconds());
      results.add(r);
      out.printf(
          Locale.ROOT,
          "%-7s weights %7.3f s | %10.2f nonces/s | %8.3f G int8 ops/s | %d nonces in %.2f s%s%n",
          r.backend(),
          r.weightSeconds(),
          r.noncesPerSecond(),
          r.opsPerSecond() / 1e9,
          r.nonces(),
          r.seconds(),
          r.backend().equals("cuda")
              ? String.format(
                  Locale.ROOT,
                  " | %.2f%% of H100 INT8 peak",
                  100 * r.opsPerSecond() / H100_INT8_PEAK)
              : "");
    }
    Result scalar = find(results, "scalar");
    Result vector = find(results, "vector");
    if (scalar != null && vector != null) {
      out.printf(
          Locale.ROOT,
          "vector/scalar ratio: %.2fx (target >= 5x)%n",
          vector.noncesPerSecond() / scalar.noncesPerSecond());
    }
    if (results.stream().map(Result::firstDigest).distinct().count() > 1) {
      out.println("MISMATCH: backends disagree on the first digest: " + results);
      throw new IllegalStateException("backends disagree");
    }
    return results;
  }

  private static Result find(List<Result> results, String name) {
    return results.stream().filter(r -> r.backend().equals(name)).findFirst().orElse(null);
  }

  private static Result measure(SprintBackend backend, ModelParams params, double seconds) {
    byte[] seed =
        Sha256.of("sprintchain/bench/seed".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    byte[] pubkey = Sha256.of(seed);
    long t0 = System.nanoTime();
    try (SprintModel model = backend.load(params, seed)) {
      double weightSeconds = (System.nanoTime() - t0) / 1e9;
      String firstDigest =
          model.score(pubkey, new NonceRange(0, 1)).findFirst().orElseThrow().digestHex();
      timedRun(model, pubkey, 1_000_000, Math.min(1.0, seconds / 4)); // warm-up and JIT
      long start = System.nanoTime();
      long nonces = timedRun(model, pubkey, 2_000_000, seconds);
      double elapsed = (System.nanoTime() - start) / 1e9;
      double rate = nonces / elapsed;
      return new Result(
          backend.name(),
          weightSeconds,
          nonces,
          elapsed,
          rate,
          rate * 2.0 * params.macsPerNonce(),
          firstDigest);
    }
  }

  /** Pulls nonces from {@code first} until {@code seconds} have passed; returns how many. */
  private static long timedRun(SprintModel model, byte[] pubkey, long first, double seconds) {
    long deadline = System.nanoTime() + (long) (seconds * 1e9);
    Iterator<NonceDigest> it =
        model.score(pubkey, new NonceRange(first, Long.MAX_VALUE / 4)).iterator();
    long n = 0;
    while (System.nanoTime() < deadline && it.hasNext()) {
      it.next();
      n++;
    }
    return n;
  }
}
