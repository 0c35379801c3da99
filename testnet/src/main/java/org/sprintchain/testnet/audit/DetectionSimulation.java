package org.sprintchain.testnet.audit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.sprintchain.pocw.WorkerId;
import org.sprintchain.pocw.audit.AuditSampler;
import org.sprintchain.pocw.audit.DetectionMath;
import org.sprintchain.pocw.hash.BigEndian;
import org.sprintchain.pocw.hash.HashStream;
import org.sprintchain.pocw.hash.Sha256;

/**
 * Monte Carlo of the audit against a cheater. In trial {@code t} the cheater commits W leaves of
 * which F are fake, at positions it picked before the audit seed existed (drawn from their own hash
 * stream of t); the audit seed is {@code SHA-256(label ‖ u64be(t))} and the real {@link
 * AuditSampler} opens k leaves; the trial counts as detected when an opened leaf is fake.
 *
 * <p>Recomputation is simulated as a lookup in the fake set: a fake leaf (a digest that is not the
 * model's output, or not a winner) always fails recomputation because the model is bit-exact, and a
 * genuine one always passes, so the lookup decides exactly as recomputation would. The real
 * recompute cost is what {@link AuditCostMeasurement} measures. Every trial is deterministic in t.
 */
final class DetectionSimulation {
  private static final byte[] TRIAL_LABEL =
      "sprintchain/bench/audit/trial".getBytes(StandardCharsets.US_ASCII);
  private static final String FAKES_DOMAIN = "sprintchain/bench/audit/fakes";
  private static final WorkerId CHEATER = WorkerId.of(new byte[] {(byte) 0xc4});

  private DetectionSimulation() {}

  /** One estimate per fake fraction, all fractions judged on the same samples per trial. */
  static List<DetectionEstimate> run(long winners, int samples, int trials, int... fakeBps) {
    if (winners < 1 || winners > AuditBenchOptions.MAX_WINNERS || samples < 1 || trials < 1) {
      throw new IllegalArgumentException(
          "winners " + winners + ", samples " + samples + ", trials " + trials);
    }
    long[] fakes = new long[fakeBps.length];
    int[] detected = new int[fakeBps.length];
    for (int f = 0; f < fakeBps.length; f++) {
      fakes[f] = DetectionMath.fakesAtLeast(winners, fakeBps[f]);
    }
    for (int t = 0; t < trials; t++) {
      byte[] auditSeed = Sha256.of(TRIAL_LABEL, BigEndian.u64(t));
      long[] opened = AuditSampler.sample(auditSeed, CHEATER, winners, samples);
      for (int f = 0; f < fakeBps.length; f++) {
        boolean[] fake = fakePositions(t, fakeBps[f], winners, fakes[f]);
        for (long index : opened) {
          if (fake[(int) index]) {
            detected[f]++;
            break;
          }
        }
      }
    }
    List<DetectionEstimate> out = new ArrayList<>(fakeBps.length);
    for (int f = 0; f < fakeBps.length; f++) {
      out.add(new DetectionEstimate(fakeBps[f], winners, fakes[f], samples, trials, detected[f]));
    }
    return out;
  }

  /** F distinct positions of W, uniform, from a stream of the trial and the fraction. */
  private static boolean[] fakePositions(int trial, int fakeBps, long winners, long fakes) {
    HashStream stream = new HashStream(FAKES_DOMAIN, BigEndian.u64(trial), BigEndian.u32(fakeBps));
    boolean[] fake = new boolean[(int) winners];
    long placed = 0;
    while (placed < fakes) {
      int at = (int) stream.below(winners);
      if (!fake[at]) {
        fake[at] = true;
        placed++;
      }
    }
    return fake;
  }
}
