package org.sprintchain.testnet.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sprintchain.testnet.InferenceSetup;
import org.sprintchain.testnet.SprintSettings;
import org.sprintchain.testnet.SprintSetup;
import org.sprintchain.testnet.acceptance.dsl.Cluster;
import org.sprintchain.testnet.acceptance.dsl.InferenceJobs;
import org.sprintchain.testnet.acceptance.dsl.SprintProbe;

/**
 * Issue 7 acceptance on a real 4-validator CometBFT testnet. Paid jobs are executed by the
 * validators' workers and settled; node3 runs {@code --byzantine wrong-output}, every job is
 * audited here, so each of its jobs is caught, re-executed by the chain, refunded, and node3 is
 * slashed; the payer's balance reconciles to the token.
 */
class InferenceMarketAcceptanceIntegrationTest {
  private static final int PORTS_FROM = 30_000;
  private static final int JOBS = 24;
  private static final long MAX_FEE = 1_000;

  @Test
  void paidJobsSettleAndAWrongOutputIsCaughtAndRefunded(@TempDir Path dir) {
    SprintSetup setup =
        SprintSetup.DEFAULT
            .withParams(SprintPowerAcceptanceIntegrationTest.params(2))
            .withInference(InferenceSetup.section(10_000))
            .withNodeArgs("node3", List.of("--byzantine", "wrong-output"));
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
      String cheater = SprintProbe.operatorOf(cluster.node(3));
      long start = probe.query("/account/" + payer).path("balance").asLong();
      long cheaterDeposit = probe.query("/worker/" + cheater).path("deposit").asLong();

      List<Long> ids = jobs.request(JOBS, InferenceSetup.SYNTHETIC, MAX_FEE, cluster.node(0));
      List<JsonNode> done = jobs.awaitFinal(ids, Duration.ofSeconds(120));

      long charged = 0;
      int byCheater = 0;
      for (JsonNode j : done) {
        System.out.println("job: " + j);
        String status = j.path("status").asText();
        if (j.path("executor").asText().equals(cheater)) {
          byCheater++;
          assertEquals("FRAUD", status, "a wrong output is caught when every job is audited: " + j);
        } else {
          assertEquals("DONE", status, j.toString());
          assertTrue(j.path("fee").asLong() > 0 && j.path("fee").asLong() <= MAX_FEE, j.toString());
          charged += j.path("fee").asLong();
        }
      }
      long end = probe.query("/account/" + payer).path("balance").asLong();
      assertEquals(
          start - charged - JOBS * InferenceJobs.TX_FEE,
          end,
          "the payer pays exactly the fees of the jobs served honestly, plus its tx fees");
      assertEquals(0, probe.query("/inference/ledger").path("escrowed").asLong(), "no escrow left");
      if (byCheater > 0) {
        JsonNode worker = probe.query("/worker/" + cheater);
        assertTrue(worker.path("deposit").asLong() < cheaterDeposit, "slashed: " + worker);
        assertTrue(worker.path("jailed").asBoolean(), "jailed: " + worker);
        assertTrue(probe.query("/inference/executor/" + cheater).path("frauds").asLong() >= 1);
      }
      System.out.println("jobs by the cheater: " + byCheater + " of " + JOBS);
    }
  }
}
