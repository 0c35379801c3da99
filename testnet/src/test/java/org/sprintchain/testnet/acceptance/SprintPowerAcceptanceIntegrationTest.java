package org.sprintchain.testnet.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sprintchain.pocw.DifficultyTarget;
import org.sprintchain.pocw.EmissionParams;
import org.sprintchain.pocw.SlashParams;
import org.sprintchain.pocw.SprintParams;
import org.sprintchain.testnet.SprintSettings;
import org.sprintchain.testnet.SprintSetup;
import org.sprintchain.testnet.acceptance.dsl.Cluster;
import org.sprintchain.testnet.acceptance.dsl.SprintProbe;

/**
 * Issue acceptance (a) and (c) on a real 4-validator CometBFT testnet: validators throttled 1:1:2:4
 * end with voting power in that ratio, and over 21 epochs no honest validator is ever penalized.
 *
 * <p><b>The bound.</b> Worker i evaluates {@code M_i} nonces and commits {@code W_i ~ Bin(M_i, p)}
 * winners; its verified work is {@code W_i / p}. Summed over the measured epochs, the relative
 * standard error of a worker's work is {@code sqrt((1 - p) / ΣW_i)}, and of the ratio of two
 * workers' work {@code sqrt(1/ΣW_i + 1/ΣW_j)} (they are independent). The test allows 4 of those
 * standard errors (a false alarm about once in 16 000 runs) plus 5% for timing: workers start when
 * they see the seed block, up to a poll interval (150 ms) apart in a ~3 s generation window.
 */
class SprintPowerAcceptanceIntegrationTest {
  private static final int PORTS_FROM = 28_000;
  static final long EPOCH_LENGTH = 22;
  private static final long EPOCHS = 21;
  private static final double[] SHARES = {0.125, 0.125, 0.25, 0.5};
  private static final long NONCE_RATE = 1_600;
  private static final long FIRST_MEASURED = 2;

  static SprintParams params(int minWorkers) {
    return new SprintParams(
        EPOCH_LENGTH,
        6,
        3,
        6, // reveal: the audit seed block's proposer can only reveal from its third block
        3,
        "tiny",
        DifficultyTarget.oneIn(16),
        10_000, // the cap must not bind here; it is tested on its own in pocw
        16,
        2,
        2,
        new EmissionParams(1_000_000, 100_000),
        new SlashParams(1_000, 5_000, 1_000, 100, 5_000),
        minWorkers,
        50_000_000);
  }

  @Test
  void powerFollowsVerifiedWorkAndHonestWorkersAreNeverPenalized(@TempDir Path dir) {
    SprintSetup setup = SprintSetup.DEFAULT.withParams(params(4));
    for (int i = 0; i < SHARES.length; i++) {
      setup =
          setup.withNodeArgs(
              "node" + i,
              List.of(
                  "--compute-share",
                  Double.toString(SHARES[i]),
                  "--nonce-rate",
                  Long.toString(NONCE_RATE)));
    }
    try (Cluster cluster =
        Cluster.startWithSprints(
            dir,
            4,
            new SprintSettings(EPOCH_LENGTH, SprintSettings.Preset.TINY),
            setup,
            PORTS_FROM)) {
      SprintProbe probe = new SprintProbe(cluster);
      List<String> operators = new ArrayList<>();
      cluster.nodes().forEach(n -> operators.add(SprintProbe.operatorOf(n)));
      long[] winners = new long[4];
      JsonNode last = null;
      for (long e = 0; e < EPOCHS; e++) {
        JsonNode epoch = probe.awaitSettled(e, Duration.ofSeconds(90));
        System.out.println("epoch " + e + ": " + epoch);
        for (int i = 0; i < 4; i++) {
          JsonNode w = SprintProbe.workerIn(epoch, operators.get(i));
          assertEquals(0, w.path("slashed").asLong(), "node" + i + " slashed in epoch " + e);
          assertEquals(-1, w.path("jailed_through").asLong(), "node" + i + " jailed in epoch " + e);
          if (e >= 1) {
            assertEquals("PASSED", w.path("outcome").asText(), "node" + i + " in epoch " + e);
          }
          if (e >= FIRST_MEASURED) {
            winners[i] += w.path("count").asLong();
          }
        }
        last = epoch;
      }
      assertEquals("SETTLED", last.path("status").asText());
      checkRatios(winners);
      checkPowerFollowsWork(probe, last, operators);
    }
  }

  private static void checkRatios(long[] winners) {
    double total = 0;
    double shares = 0;
    for (int i = 0; i < 4; i++) {
      total += winners[i];
      shares += SHARES[i];
    }
    for (int i = 0; i < 4; i++) {
      double measured = winners[i] / total;
      double expected = SHARES[i] / shares;
      double bound = 4 * Math.sqrt(1.0 / winners[i] + 1.0 / total) + 0.05;
      System.out.printf(
          "node%d: %d winners, share %.4f, expected %.4f, |ratio - 1| = %.4f, bound %.4f%n",
          i, winners[i], measured, expected, Math.abs(measured / expected - 1), bound);
      assertTrue(
          Math.abs(measured / expected - 1) <= bound,
          "node" + i + " share " + measured + " vs " + expected + " beyond the bound " + bound);
    }
  }

  /**
   * The last settled epoch's powers are its verified work, scaled (the cap does not bind), and the
   * set CometBFT runs holds only workers with power.
   */
  private static void checkPowerFollowsWork(
      SprintProbe probe, JsonNode last, List<String> operators) {
    long totalWork = 0;
    long totalPower = 0;
    for (String op : operators) {
      totalWork += SprintProbe.workerIn(last, op).path("work").asLong();
      totalPower += SprintProbe.workerIn(last, op).path("power").asLong();
    }
    for (JsonNode v : probe.query("/validators").path("validators")) {
      assertTrue(v.path("power").asLong() > 0, "every validator has power: " + v);
    }
    for (String op : operators) {
      JsonNode w = SprintProbe.workerIn(last, op);
      double workShare = (double) w.path("work").asLong() / totalWork;
      double powerShare = (double) w.path("power").asLong() / totalPower;
      assertEquals(workShare, powerShare, 1e-9, op + " power share");
    }
  }
}
