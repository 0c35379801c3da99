package org.sprintchain.chain.sprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.sprintchain.chain.sprint.SprintChain.FEE;
import static org.sprintchain.chain.sprint.SprintChain.TARGET;
import static org.sprintchain.chain.sprint.SprintChain.assertAllOk;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.sprintchain.chain.BlockResult;
import org.sprintchain.chain.crypto.Address;
import org.sprintchain.chain.crypto.Hashes;
import org.sprintchain.model.ModelTrace;
import org.sprintchain.model.NonceDigest;

/**
 * Disputes end to end: a published digest contradicts the auditor's report, both sides post their
 * traces, the chain finds the first divergent step, a residual is posted, and FinalizeBlock
 * re-executes that one step on the CPU reference (the {@code tiny} model has L = 2 blocks, so the
 * steps are 0, 1, 2 and L + 1 = 3).
 */
class SprintDisputeTest {
  private static final long DEPOSIT = 1000;
  private static final int L = ReferenceModel.MODEL.layers();

  /** Three workers, one auditor each; worker 0 commits a made-up digest for a losing nonce. */
  private final List<SimulatedWorker> workers =
      List.of(new SimulatedWorker(0, 24), new SimulatedWorker(1, 24), new SimulatedWorker(2, 24));

  private final SimulatedWorker cheater = workers.get(0);
  private SprintChain chain;
  private byte[] seed;
  private NonceDigest forged;
  private byte[] fakeDigest;

  private void startWithForgery() {
    ForgeryScenario scenario = ForgeryScenario.start(workers);
    chain = scenario.chain;
    seed = scenario.seed;
    forged = scenario.forged;
    fakeDigest = scenario.fakeDigest;
  }

  private SimulatedWorker auditorOf(SimulatedWorker w) {
    List<Address> auditors = chain.auditorsOf(0, w.address());
    assertEquals(1, auditors.size());
    return workers.stream().filter(v -> v.address().equals(auditors.get(0))).findFirst().get();
  }

  private ModelTrace honestTrace(SimulatedWorker w, long nonce) {
    return ReferenceModel.trace(seed, w.pubKey(), nonce);
  }

  private byte[] residual(SimulatedWorker w, long nonce, int hashIndex) {
    return SprintMsgs.littleEndian(ReferenceModel.residual(seed, w.pubKey(), nonce, hashIndex));
  }

  private JsonNode onlyOpenDispute() {
    JsonNode open = chain.query("/disputes").get("open");
    assertEquals(1, open.size(), open.toString());
    return open.get(0);
  }

  private long supplyBalance() {
    return chain.holdings(workers) + chain.unpaidPots() - chain.minted();
  }

  /**
   * Runs the dispute over the forged leaf; the worker's layer hashes are {@code hashes} of the
   * honest trace, and its digest the forged one.
   */
  private void forgedDispute(
      Function<ModelTrace, List<byte[]>> hashes, int expectedStep, boolean workerPostsResidual) {
    startWithForgery();
    List<byte[]> workerHashes = hashes.apply(honestTrace(cheater, forged.nonce()));
    SimulatedWorker auditor = auditorOf(cheater);
    JsonNode d = onlyOpenDispute();
    long id = d.get("id").asLong();
    assertEquals(cheater.address().toString(), d.get("worker").asText());
    assertEquals(auditor.address().toString(), d.get("auditor").asText());
    assertEquals(Long.toString(forged.nonce()), d.get("nonce").asText());

    ModelTrace truth = honestTrace(cheater, forged.nonce());
    assertEquals(L + 1, truth.layerHashes().size());
    BlockResult traces =
        chain.block(
            chain.tx(cheater.key, SprintMsgs.trace(id, workerHashes, fakeDigest)),
            chain.tx(auditor.key, SprintMsgs.trace(id, truth.layerHashes(), truth.digest())));
    assertAllOk(traces);
    JsonNode afterTraces = chain.dispute(id);
    assertEquals(expectedStep, afterTraces.get("step").asInt());
    if (expectedStep > 0) {
      assertEquals("AWAITING_RESIDUAL", afterTraces.get("status").asText());
      SimulatedWorker poster = workerPostsResidual ? cheater : auditor;
      int layer = expectedStep - 1;
      assertAllOk(
          chain.block(
              chain.tx(
                  poster.key,
                  SprintMsgs.residualBytes(id, layer, residual(cheater, forged.nonce(), layer)))));
    }
    JsonNode done = chain.dispute(id);
    assertEquals("RESOLVED", done.get("status").asText());
    assertEquals("AUDITOR", done.get("winner").asText());
    chain.runTo(chain.settleHeight(0));

    JsonNode r = chain.result(0, cheater.address());
    assertEquals("FRAUD_PROVEN", r.get("outcome").asText());
    assertEquals(DEPOSIT / 2, r.get("slashed").asLong(), "fraud_slash_bps 5000");
    assertEquals(1, r.get("jailed_through").asLong(), "epoch 0 + jail_epochs 1");
    assertEquals(0, r.get("reward").asLong());
    assertEquals(DEPOSIT / 2, chain.deposit(cheater.address()));

    JsonNode a = chain.result(0, auditor.address());
    assertEquals("PASSED", a.get("outcome").asText());
    long challengerReward = DEPOSIT / 2 / 2; // challenger_reward_bps 5000 of the slash
    assertEquals(
        SprintChain.BALANCE
            - DEPOSIT
            - FEE * chain.sequence(auditor.address())
            + a.get("reward").asLong()
            + challengerReward,
        chain.balance(auditor.address()),
        "the auditor is paid its share of the slash");
    assertEquals(chain.genesisSupply - (DEPOSIT / 2 - challengerReward), supplyBalance());
  }

  @Test
  void aForgedDigestLosesAtTheFinalStep() {
    // Honest layer hashes, a made-up digest: only the final step L + 1 differs.
    forgedDispute(ModelTrace::layerHashes, L + 1, false);
  }

  @Test
  void aTamperedMiddleLayerLosesAtThatStep() {
    forgedDispute(
        t -> ReferenceModel.tampered(t.layerHashes(), 1, Hashes.sha256(t.layerHashes().get(1))),
        1,
        true);
  }

  @Test
  void aTamperedEmbeddingLosesWithoutAResidual() {
    forgedDispute(
        t -> ReferenceModel.tampered(t.layerHashes(), 0, Hashes.sha256(t.layerHashes().get(0))),
        0,
        false);
  }

  @Test
  void aFalseAccusationLosesAndPaysTheWorker() {
    chain =
        SprintChain.withWorkers(
            workers,
            p -> {
              p.put("auditors_per_worker", 1);
              p.put("min_workers", 2);
            });
    chain.runTo(chain.epochStart(0));
    seed = chain.seed(0);
    workers.forEach(w -> w.honest(seed, TARGET));
    chain.runUntilNext(chain.commitHeight(0));
    assertAllOk(chain.block(chain.commits(0, workers)));
    chain.runUntilNext(chain.auditSeedHeight(0) + 1);
    assertAllOk(chain.block(chain.reveals(0, workers)));
    SimulatedWorker liar = auditorOf(cheater);
    liar.reportsWrongDigests = true;
    chain.runUntilNext(chain.auditHeight(0));
    assertAllOk(chain.block(chain.audits(0, workers)));
    chain.runUntilNext(chain.settleStart(0));
    assertAllOk(chain.block(chain.digests(0, workers)));

    JsonNode open = chain.query("/disputes").get("open");
    assertEquals(1, open.size(), "one contested sample per (worker, auditor): " + open);
    List<byte[]> traces = new ArrayList<>();
    List<byte[]> residuals = new ArrayList<>();
    for (JsonNode d : open) {
      long id = d.get("id").asLong();
      SimulatedWorker w = byAddress(d.get("worker").asText());
      assertEquals(liar.address().toString(), d.get("auditor").asText());
      long nonce = Long.parseUnsignedLong(d.get("nonce").asText());
      ModelTrace truth = honestTrace(w, nonce);
      traces.add(chain.tx(w.key, SprintMsgs.trace(id, truth.layerHashes(), truth.digest())));
      // The liar's trace ends in the digest its report committed to and diverges at layer 2.
      List<byte[]> lie =
          ReferenceModel.tampered(
              truth.layerHashes(), 2, Hashes.sha256(truth.layerHashes().get(2)));
      traces.add(chain.tx(liar.key, SprintMsgs.trace(id, lie, Hashes.sha256(truth.digest()))));
    }
    assertAllOk(chain.block(traces));
    for (JsonNode d : open) {
      long id = d.get("id").asLong();
      assertEquals(2, chain.dispute(id).get("step").asInt());
      SimulatedWorker w = byAddress(d.get("worker").asText());
      long nonce = Long.parseUnsignedLong(d.get("nonce").asText());
      residuals.add(chain.tx(w.key, SprintMsgs.residualBytes(id, 1, residual(w, nonce, 1))));
    }
    assertAllOk(chain.block(residuals));
    for (JsonNode d : open) {
      assertEquals("WORKER", chain.dispute(d.get("id").asLong()).get("winner").asText());
    }
    chain.runTo(chain.settleHeight(0));
    JsonNode r = chain.result(0, liar.address());
    assertEquals("FALSE_ACCUSATION", r.get("outcome").asText());
    assertEquals(DEPOSIT / 2, r.get("slashed").asLong(), "slashed once, however many disputes");
    assertEquals(1, r.get("jailed_through").asLong());
    assertEquals("PASSED", chain.outcome(0, cheater.address()), "the accused worker passes");
    long challengerReward = DEPOSIT / 4;
    assertEquals(
        SprintChain.BALANCE
            - DEPOSIT
            - FEE * chain.sequence(cheater.address())
            + chain.result(0, cheater.address()).get("reward").asLong()
            + challengerReward,
        chain.balance(cheater.address()),
        "the accused worker is paid its share of the liar's slash");
    assertEquals(chain.genesisSupply - (DEPOSIT / 2 - challengerReward), supplyBalance());
  }

  @Test
  void aSideThatPostsNoTraceLosesAtTheDeadline() {
    startWithForgery();
    SimulatedWorker auditor = auditorOf(cheater);
    long id = onlyOpenDispute().get("id").asLong();
    long deadline = chain.dispute(id).get("deadline").asLong();
    assertEquals(chain.settleStart(0) + chain.epochLength, deadline);
    ModelTrace truth = honestTrace(cheater, forged.nonce());
    assertAllOk(
        chain.block(
            chain.tx(auditor.key, SprintMsgs.trace(id, truth.layerHashes(), truth.digest()))));
    BlockResult settle = chain.runTo(chain.settleHeight(0));
    assertEquals(
        "HELD", chain.outcome(0, cheater.address()), "open disputes carry over: " + chain.epoch(0));
    // Only the disputed worker is held; its auditor's own work stands and is paid.
    assertEquals("PASSED", chain.outcome(0, auditor.address()), chain.epoch(0).toString());
    assertEquals(2, chain.epoch(0).get("passed").asInt());
    assertEquals(2, settle.validatorUpdates().size() - 1, "two workers in, the genesis one out");

    chain.runTo(deadline - 1);
    assertEquals("AWAITING_TRACES", chain.dispute(id).get("status").asText());
    chain.block();
    JsonNode d = chain.dispute(id);
    assertEquals("RESOLVED", d.get("status").asText());
    assertEquals("AUDITOR", d.get("winner").asText());
    JsonNode r = chain.result(0, cheater.address());
    assertEquals("FRAUD_PROVEN", r.get("outcome").asText());
    assertEquals(DEPOSIT / 2, r.get("slashed").asLong());
    assertEquals(2, r.get("jailed_through").asLong(), "jailed from the epoch of the verdict");
    assertEquals(chain.genesisSupply - DEPOSIT / 4, supplyBalance());
  }

  private SimulatedWorker byAddress(String address) {
    return workers.stream().filter(w -> w.address().toString().equals(address)).findFirst().get();
  }
}
