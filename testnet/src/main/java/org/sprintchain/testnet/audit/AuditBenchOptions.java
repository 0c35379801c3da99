package org.sprintchain.testnet.audit;

import org.sprintchain.pocw.audit.DetectionMath;

/**
 * The command line of {@code bench audit}.
 *
 * @param preset the sprint model preset: tiny or cpu-small (gpu-large needs a GPU-sized heap)
 * @param nonces N, nonces one worker generates in the cost measurement
 * @param samples k, leaves opened per worker
 * @param trials T, Monte Carlo trials per fake fraction
 * @param winners W, leaves the simulated cheater commits in the detection simulation
 * @param backend the model backend: auto, cpu, scalar, vector or cuda
 */
record AuditBenchOptions(
    String preset, long nonces, int samples, int trials, long winners, String backend) {
  /** Fake fraction of the protocol's detection target: 5%. */
  static final int TARGET_FAKE_BPS = 500;

  /** Detection target: 99.99%. */
  static final long TARGET_DETECTION_PPM = 999_900;

  /** The protocol's k: enough for 99.99% detection at 5% fakes, for every W (180). */
  static final int DEFAULT_SAMPLES =
      (int) DetectionMath.samplesNeededAnyW(TARGET_FAKE_BPS, TARGET_DETECTION_PPM);

  static final int DEFAULT_TRIALS = 2_000;
  static final long DEFAULT_WINNERS = 1_000;

  /** The largest W simulated: the simulation keeps one flag per leaf. */
  static final long MAX_WINNERS = 10_000_000;

  /** Default N per preset: a few seconds of one core. */
  static long defaultNonces(String preset) {
    return preset.equals("tiny") ? 20_000 : 1_000;
  }

  static AuditBenchOptions parse(String[] args) {
    String preset = "tiny";
    Long nonces = null;
    int samples = DEFAULT_SAMPLES;
    int trials = DEFAULT_TRIALS;
    long winners = DEFAULT_WINNERS;
    String backend = "auto";
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--preset" -> preset = value(args, ++i);
        case "--nonces" -> nonces = positive(args, ++i);
        case "--samples" -> samples = (int) Math.min(positive(args, ++i), Integer.MAX_VALUE);
        case "--trials" -> trials = (int) Math.min(positive(args, ++i), Integer.MAX_VALUE);
        case "--winners" -> winners = positive(args, ++i);
        case "--backend" -> backend = value(args, ++i);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    if (!preset.equals("tiny") && !preset.equals("cpu-small")) {
      throw new IllegalArgumentException("--preset must be tiny or cpu-small, not " + preset);
    }
    if (winners > MAX_WINNERS) {
      throw new IllegalArgumentException("--winners must be at most " + MAX_WINNERS);
    }
    return new AuditBenchOptions(
        preset, nonces == null ? defaultNonces(preset) : nonces, samples, trials, winners, backend);
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) {
      throw new IllegalArgumentException(args[i - 1] + " needs a value");
    }
    return args[i];
  }

  private static long positive(String[] args, int i) {
    String v = value(args, i);
    long n;
    try {
      n = Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(args[i - 1] + " needs a whole number, not " + v, e);
    }
    if (n < 1) {
      throw new IllegalArgumentException(args[i - 1] + " must be >= 1, not " + v);
    }
    return n;
  }
}
