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
import org.sprintchain.testnet.SprintSettings;
import org.sprintchain.testnet.SprintSetup;
import org.sprintchain.testnet.acceptance.dsl.Cluster;
import org.sprintchain.testnet.acceptance.dsl.Conditions;
import org.sprintchain.testnet.acceptance.dsl.SprintProbe;

/**
 * Issue acceptance (b) and (d) on a real 4-validator CometBFT testnet. node2 runs {@code
 * --byzantine fake-winners} (pads its winners with nonces that lose): it is caught by the digest
 * check in its first epoch, jailed and slashed, and loses its power. node3 runs {@code --byzantine
 * forge-digests} (claims made-up digests and defends them with honest layer hashes): its auditors'
 * reports contradict it, the chain opens a dispute, narrows it to the final digest, re-executes the
 * last step itself in FinalizeBlock and rules for the auditor; node3 is jailed and slashed. The
 * chain goes on with the two honest validators.
 */
class SprintByzantineAcceptanceIntegrationTest {
  private static final int PORTS_FROM = 29_000;

  @Test
  void cheatersAreCaughtAndTheChainGoesOn(@TempDir Path dir) {
    SprintSetup setup =
        SprintSetup.DEFAULT
            .withParams(SprintPowerAcceptanceIntegrationTest.params(2))
            .withNodeArgs("node2", List.of("--byzantine", "fake-winners"))
            .withNodeArgs("node3", List.of("--byzantine", "forge-digests"));
    try (Cluster cluster =
        Cluster.startWithSprints(
            dir,
            4,
            new SprintSettings(
                SprintPowerAcceptanceIntegrationTest.EPOCH_LENGTH, SprintSettings.Preset.TINY),
            setup,
            PORTS_FROM)) {
      SprintProbe probe = new SprintProbe(cluster);
      List<String> op = new ArrayList<>();
      cluster.nodes().forEach(n -> op.add(SprintProbe.operatorOf(n)));

      JsonNode epoch0 = probe.awaitSettled(0, Duration.ofSeconds(90));
      System.out.println("epoch 0: " + epoch0);
      assertEquals("PASSED", SprintProbe.workerIn(epoch0, op.get(0)).path("outcome").asText());
      assertEquals("PASSED", SprintProbe.workerIn(epoch0, op.get(1)).path("outcome").asText());
      JsonNode faker = SprintProbe.workerIn(epoch0, op.get(2));
      assertEquals("NON_WINNING_LEAF", faker.path("outcome").asText());
      assertEquals(2, faker.path("jailed_through").asLong(), "jailed for epochs 1 and 2");
      assertEquals(500, faker.path("slashed").asLong(), "half the 1000 deposit");
      assertEquals(0, faker.path("power").asLong());
      assertEquals("SETTLED", epoch0.path("status").asText());

      JsonNode dispute = awaitResolvedDispute(probe, op.get(3), Duration.ofSeconds(60));
      System.out.println("dispute: " + dispute);
      assertEquals("AUDITOR", dispute.path("winner").asText());
      assertEquals(3, dispute.path("step").asInt(), "tiny has 2 layers: step L+1 = the digest");
      JsonNode forger = probe.query("/worker/" + op.get(3));
      System.out.println("forger: " + forger);
      assertEquals(500, 1000 - forger.path("deposit").asLong(), "slashed half its deposit");
      assertTrue(forger.path("jailed_through").asLong() >= 2, "jailed");
      assertEquals("FRAUD_PROVEN", forger.path("history").get(0).path("outcome").asText());

      JsonNode validators = probe.query("/validators");
      System.out.println("validators: " + validators);
      List<String> withPower = new ArrayList<>();
      validators.path("validators").forEach(v -> withPower.add(v.path("operator").asText()));
      assertEquals(
          List.of(op.get(0), op.get(1)).stream().sorted().toList(),
          withPower.stream().sorted().toList());

      cluster.verify(Conditions.chainCommits(10, Duration.ofSeconds(60)));
      JsonNode epoch1 = probe.awaitSettled(1, Duration.ofSeconds(90));
      assertEquals("PASSED", SprintProbe.workerIn(epoch1, op.get(0)).path("outcome").asText());
      assertEquals("PASSED", SprintProbe.workerIn(epoch1, op.get(1)).path("outcome").asText());
    }
  }

  private static JsonNode awaitResolvedDispute(SprintProbe probe, String worker, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long next = probe.query("/disputes").path("next_id").asLong();
      for (long id = 0; id < next; id++) {
        JsonNode d = probe.query("/dispute/" + id);
        if (d.path("worker").asText().equals(worker)
            && d.path("status").asText().equals("RESOLVED")) {
          return d;
        }
      }
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError(
            "no resolved dispute over " + worker + ": " + probe.query("/disputes"));
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
