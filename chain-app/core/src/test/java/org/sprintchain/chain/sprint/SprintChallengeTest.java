package org.sprintchain.chain.sprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.sprintchain.chain.sprint.SprintChain.FEE;
import static org.sprintchain.chain.sprint.SprintChain.assertAllOk;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sprintchain.chain.BlockResult;
import org.sprintchain.chain.crypto.Address;
import org.sprintchain.chain.tx.RejectReason;
import org.sprintchain.model.ModelTrace;
import org.sprintchain.model.NonceDigest;
import org.sprintchain.pocw.commit.WinnerTree;
import org.sprintchain.proto.tx.v1.Msg;
import org.sprintchain.proto.tx.v1.MsgDispute;

/**
 * The permissionless challenge: a registered worker that is not the sample's assigned auditor
 * escrows the dispute bond and contests a published digest. Winning returns the bond plus the
 * challenger reward; losing forfeits the bond (and nothing more: a challenger made no audit
 * promise, so it is not jailed).
 */
class SprintChallengeTest {
  private static final int L = ReferenceModel.MODEL.layers();
  private static final long BOND = 100;

  private final List<SimulatedWorker> workers =
      List.of(new SimulatedWorker(0, 24), new SimulatedWorker(1, 24), new SimulatedWorker(2, 24));
  private final SimulatedWorker cheater = workers.get(0);
  private SprintChain chain;
  private byte[] seed;
  private NonceDigest forged;
  private byte[] fakeDigest;

  /** See {@link ForgeryScenario}. */
  private void startWithForgery() {
    ForgeryScenario scenario = ForgeryScenario.start(workers);
    chain = scenario.chain;
    seed = scenario.seed;
    forged = scenario.forged;
    fakeDigest = scenario.fakeDigest;
  }

  private SimulatedWorker bystanderOf(SimulatedWorker w) {
    List<Address> auditors = chain.auditorsOf(0, w.address());
    return workers.stream()
        .filter(v -> v != w && !auditors.contains(v.address()))
        .findFirst()
        .orElseThrow();
  }

  private static long indexOf(WinnerTree tree, long nonce) {
    for (int i = 0; i < tree.size(); i++) {
      if (tree.leaf(i).nonce() == nonce) {
        return i;
      }
    }
    throw new AssertionError("nonce " + nonce + " not in the tree");
  }

  private static Msg challenge(Address worker, long index, ModelTrace trace, byte[] digest) {
    MsgDispute.Builder b =
        MsgDispute.newBuilder()
            .setChallengeWorker(ByteString.copyFrom(worker.toBytes()))
            .setChallengeEpoch(0)
            .setChallengeIndex(index);
    if (trace != null) {
      trace.layerHashes().forEach(h -> b.addLayerHashes(ByteString.copyFrom(h)));
      b.setDigest(ByteString.copyFrom(digest));
    }
    return Msg.newBuilder().setDispute(b).build();
  }

  private int code(SimulatedWorker signer, Msg msg) {
    long seq = chain.nextSequence(signer.address());
    BlockResult r = chain.tryBlock(List.of(SprintChain.sign(signer.key, seq, FEE, List.of(msg))));
    return r.txResults().get(0).code();
  }

  @Test
  void aChallengerProvesAFakeAndGetsItsBondBackWithTheReward() {
    startWithForgery();
    SimulatedWorker challenger = bystanderOf(cheater);
    long index = indexOf(cheater.tree, forged.nonce());
    ModelTrace truth = ReferenceModel.trace(seed, cheater.pubKey(), forged.nonce());

    assertEquals(
        RejectReason.NOT_A_PARTY.code(),
        code(cheater, challenge(cheater.address(), index, truth, truth.digest())));
    assertEquals(
        RejectReason.BAD_TRACE.code(),
        code(challenger, challenge(cheater.address(), index, truth, fakeDigest)));
    long before = chain.balance(challenger.address());
    assertAllOk(
        chain.block(
            chain.tx(challenger.key, challenge(cheater.address(), index, truth, truth.digest()))));
    assertEquals(before - FEE - BOND, chain.balance(challenger.address()), "bond escrowed");
    assertEquals(
        RejectReason.DISPUTE_CLOSED.code(),
        code(challenger, challenge(cheater.address(), index, truth, truth.digest())));

    JsonNode d = challengeOf(challenger);
    long id = d.get("id").asLong();
    assertEquals(true, d.get("auditor_trace").asBoolean());
    assertAllOk(
        chain.block(chain.tx(cheater.key, SprintMsgs.trace(id, truth.layerHashes(), fakeDigest))));
    assertEquals(L + 1, chain.dispute(id).get("step").asInt());
    int[] last = ReferenceModel.residual(seed, cheater.pubKey(), forged.nonce(), L);
    assertAllOk(chain.block(chain.tx(challenger.key, SprintMsgs.residual(id, L, last))));

    JsonNode done = chain.dispute(id);
    assertEquals("RESOLVED", done.get("status").asText());
    assertEquals("AUDITOR", done.get("winner").asText());
    long slashed = 500;
    assertEquals(
        before - 2 * FEE + slashed / 2 + epochReward(challenger),
        chain.balance(challenger.address()),
        "bond returned plus challenger_reward_bps of the slash");
    assertEquals(500, chain.deposit(cheater.address()));
  }

  @Test
  void aWrongChallengeForfeitsTheBondOnly() {
    startWithForgery();
    SimulatedWorker honest = workers.get(1);
    SimulatedWorker challenger = bystanderOf(honest);
    long index = chain.sample(0, honest.address())[0];
    long nonce = honest.tree.leaf((int) index).nonce();
    ModelTrace truth = ReferenceModel.trace(seed, honest.pubKey(), nonce);
    byte[] wrong = truth.digest().clone();
    wrong[31] ^= 1;
    long before = chain.balance(challenger.address());
    assertAllOk(
        chain.block(chain.tx(challenger.key, challenge(honest.address(), index, truth, wrong))));
    long id = challengeOf(challenger).get("id").asLong();
    assertAllOk(
        chain.block(
            chain.tx(honest.key, SprintMsgs.trace(id, truth.layerHashes(), truth.digest()))));
    int[] last = ReferenceModel.residual(seed, honest.pubKey(), nonce, L);
    assertAllOk(chain.block(chain.tx(honest.key, SprintMsgs.residual(id, L, last))));

    JsonNode done = chain.dispute(id);
    assertEquals("WORKER", done.get("winner").asText());
    assertEquals(
        before - FEE - BOND + epochReward(challenger),
        chain.balance(challenger.address()),
        "the bond is burned");
    assertEquals(
        -1, chain.worker(challenger.address()).get("jailed_through").asLong(), "not jailed");
    assertEquals(1000, chain.deposit(honest.address()), "the honest worker keeps its deposit");
  }

  /** The epoch-0 reward, if epoch 0 settled during the test's blocks (SETTLE is short). */
  private long epochReward(SimulatedWorker w) {
    for (JsonNode r : chain.epoch(0).get("workers")) {
      if (r.get("operator").asText().equals(w.address().toString()) && r.has("reward")) {
        return r.get("reward").asLong();
      }
    }
    return 0;
  }

  private JsonNode challengeOf(SimulatedWorker challenger) {
    for (JsonNode d : chain.query("/disputes").get("open")) {
      if (d.get("auditor").asText().equals(challenger.address().toString())) {
        return d;
      }
    }
    throw new AssertionError("no open dispute by " + challenger.address());
  }
}
