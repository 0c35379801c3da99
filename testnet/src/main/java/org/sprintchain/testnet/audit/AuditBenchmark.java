package org.sprintchain.testnet.audit;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.sprintchain.model.ModelParams;
import org.sprintchain.model.SprintBackend;
import org.sprintchain.model.runtime.Backends;
import org.sprintchain.pocw.SprintParams;

/**
 * {@code bin/sprint bench audit}: what auditing costs next to generating, and how often the audit
 * catches a worker that fakes part of its winners. No network: the model, the winner tree, the
 * proofs and the sampler run in this JVM. Part 1 is {@link AuditCostMeasurement}, part 2 {@link
 * DetectionSimulation}.
 */
public final class AuditBenchmark {
  /** The protocol's target for audit cost over generation cost (docs/protocol.md §6). */
  static final double COST_TARGET = 0.01;

  /** Fake fractions simulated: 1%, 5%, 20%. */
  static final int[] FAKE_BPS = {100, 500, 2_000};

  static final String USAGE =
      String.format(
          Locale.ROOT,
          """
      Usage: bin/sprint bench audit [--preset P] [--nonces N] [--samples K] [--trials T]
                                    [--winners W] [--backend B]
        --preset   tiny | cpu-small                      (default tiny)
        --nonces   N, nonces one worker generates         (default 20000 tiny, 1000 cpu-small)
        --samples  k, leaves opened per worker            (default %d: 99.99%% detection at 5%% fakes)
        --trials   T, Monte Carlo trials per fake fraction (default %d)
        --winners  W, leaves the simulated cheater commits (default %d)
        --backend  auto | cpu | scalar | vector | cuda    (default auto)
      Part 1 times N nonces of generation (about 300 win) against one auditor's check of that
      worker: k Merkle proofs verified and k nonces recomputed; prints audit/generation and k/N.
      Part 2 simulates workers faking 1%%, 5%%, 20%% of W winners against the real AuditSampler and
      prints the detection rate with a 95%% Wilson interval beside DetectionMath's exact value.
      """,
          AuditBenchOptions.DEFAULT_SAMPLES,
          AuditBenchOptions.DEFAULT_TRIALS,
          AuditBenchOptions.DEFAULT_WINNERS);

  private AuditBenchmark() {}

  /** Entry point; exit status 2 on bad arguments, 1 when the run fails. */
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
    AuditBenchOptions options;
    try {
      options = AuditBenchOptions.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("bench audit: " + e.getMessage());
      err.print(USAGE);
      return 2;
    }
    try {
      SprintBackend backend = Backends.select(options.backend());
      AuditCost cost =
          AuditCostMeasurement.measure(
              backend, ModelParams.preset(options.preset()), options.nonces(), options.samples());
      AuditReportPrinter.printCost(out, options, cost, auditors());
      List<DetectionEstimate> estimates =
          DetectionSimulation.run(options.winners(), options.samples(), options.trials(), FAKE_BPS);
      AuditReportPrinter.printDetection(out, options, estimates);
      return cost.verified() ? 0 : 1;
    } catch (IllegalStateException | IllegalArgumentException e) {
      err.println("bench audit: " + e.getMessage());
      return 1;
    }
  }

  /** Auditors per worker, a, of the testnet parameters. */
  static int auditors() {
    return SprintParams.testnetDefaults().auditorsPerWorker();
  }

  static String percent(double x) {
    return String.format(Locale.ROOT, "%.2f%%", 100 * x);
  }
}
