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
import org.sprintchain.testnet.InferenceSetup;
import org.sprintchain.testnet.SprintSettings;
import org.sprintchain.testnet.SprintSetup;
import org.sprintchain.testnet.acceptance.dsl.Cluster;
import org.sprintchain.testnet.acceptance.dsl.Conditions;
import org.sprintchain.testnet.acceptance.dsl.InferenceJobs;
import org.sprintchain.testnet.acceptance.dsl.SprintProbe;

/**
 * Issue 7 acceptance: a killed executor's jobs time out and are refunded in full, and the executor
 * pays the liveness penalty; the other validators' jobs settle and the chain goes on.
 */
class InferenceTimeoutAcceptanceIntegrationTest {
  private static final int PORTS_FROM = 31_000;
  private static final long MAX_FEE = 500;
  private static final long LIVENESS_PENALTY = 50;

  @Test
  void aKilledExecutorsJobsAreRefunded(@TempDir Path dir) {
    SprintSetup setup =
        SprintSetup.DEFAULT
            .withParams(SprintPowerAcceptanceIntegrationTest.params(2))
            .withInference(InferenceSetup.section(0));
    try (Cluster cluster =
        Cluster.startWithSprints(
            dir,
            4,
            new SprintSettings(
                SprintPowerAcceptanceIntegrationTest.EPOCH_LENGTH, SprintSettings.Preset.TINY),
            setup,
            PORTS_FROM)) {
      SprintProbe probe = new SprintProbe(cluster);
      InferenceJobs jobs = new InferenceJobs(cluster);
      String payer = jobs.payer().address().toString();
      String victim = SprintProbe.operatorOf(cluster.node(2));
      cluster.node(2).kill();
      cluster.verify(Conditions.chainCommits(2, Duration.ofSeconds(30)));
      long start = probe.query("/account/" + payer).path("balance").asLong();
      long deposit = probe.query("/worker/" + victim).path("deposit").asLong();

      List<Long> ids = new ArrayList<>();
      List<JsonNode> done = List.of();
      for (int batch = 0; batch < 5; batch++) {
        ids.addAll(jobs.request(12, InferenceSetup.SYNTHETIC, MAX_FEE, cluster.node(0)));
        done = jobs.awaitFinal(ids, Duration.ofSeconds(90));
        if (done.stream().anyMatch(j -> j.path("executor").asText().equals(victim))) {
          break;
        }
      }
      long charged = 0;
      int timedOut = 0;
      for (JsonNode j : done) {
        if (j.path("executor").asText().equals(victim)) {
          assertEquals("TIMED_OUT", j.path("status").asText(), j.toString());
          assertEquals(0, j.path("fee").asLong(), "refunded in full: " + j);
          timedOut++;
        } else {
          assertEquals("DONE", j.path("status").asText(), j.toString());
          charged += j.path("fee").asLong();
        }
      }
      assertTrue(timedOut > 0, "some job was drawn for the killed node: " + done);
      assertEquals(
          start - charged - ids.size() * InferenceJobs.TX_FEE,
          probe.query("/account/" + payer).path("balance").asLong(),
          "the payer pays only for served jobs");
      assertEquals(0, probe.query("/inference/ledger").path("escrowed").asLong());
      assertEquals(
          timedOut, probe.query("/inference/executor/" + victim).path("timeouts").asLong());
      assertEquals(
          deposit - timedOut * LIVENESS_PENALTY,
          probe.query("/worker/" + victim).path("deposit").asLong(),
          "liveness penalty per timed-out job");
      System.out.println(timedOut + " of " + ids.size() + " jobs timed out on the killed node");
    }
  }
}
