package org.sprintchain.chain.sprint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.sprintchain.chain.sprint.SprintChain.FEE;
import static org.sprintchain.chain.sprint.SprintChain.TARGET;
import static org.sprintchain.chain.sprint.SprintChain.USER;
import static org.sprintchain.chain.sprint.SprintChain.assertAllOk;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.sprintchain.chain.BlockResult;
import org.sprintchain.chain.ChainApplication;
import org.sprintchain.chain.ChainTestData;
import org.sprintchain.chain.crypto.Ed25519;
import org.sprintchain.chain.crypto.Hashes;
import org.sprintchain.chain.tx.RejectReason;
import org.sprintchain.chain.tx.TxSigner;
import org.sprintchain.model.ModelTrace;
import org.sprintchain.pocw.commit.WinnerTree;
import org.sprintchain.proto.tx.v1.Msg;
import org.sprintchain.proto.tx.v1.Opening;

/**
 * Every refusal of every sprint message, each in the phase where it can happen. A refused message
 * in a block costs its signer the fee and the sequence, and nothing else: the app hash equals that
 * of the same block with a no-op tx of the same fee and sequence in its place.
 */
class SprintMessageErrorsTest {
  private static final int L = ReferenceModel.MODEL.layers();

  private final List<SimulatedWorker> workers =
      List.of(new SimulatedWorker(0, 24), new SimulatedWorker(1, 24), new SimulatedWorker(2, 24));
  private final SimulatedWorker w0 = workers.get(0);
  private final SimulatedWorker w1 = workers.get(1);
  private final SimulatedWorker absent = workers.get(2);
  private final Ed25519.KeyPair poor = ChainTestData.key(3);
  private SprintChain chain;

  private void assertRefused(RejectReason reason, Ed25519.KeyPair signer, Msg bad) {
    long seq = chain.nextSequence(signer.address());
    BlockResult refused = chain.tryBlock(List.of(SprintChain.sign(signer, seq, FEE, List.of(bad))));
    assertEquals(
        reason.code(), refused.txResults().get(0).code(), refused.txResults().get(0).log());
    Msg noop = SprintMsgs.noop(signer.address());
    BlockResult control =
        chain.tryBlock(List.of(SprintChain.sign(signer, seq, FEE, List.of(noop))));
    assertEquals(0, control.txResults().get(0).code());
    assertArrayEquals(control.appHash(), refused.appHash(), reason + ": only fee and sequence");
  }

  @Test
  void sprintMessagesAreRefusedOnAChainWithoutSprints() {
    ChainApplication app = ChainTestData.startedChain(1000);
    byte[] tx =
        TxSigner.sign(
            ChainTestData.key(0),
            ChainTestData.body(0, 1).addMsgs(SprintMsgs.register(w0.pubKey())).build());
    BlockResult r = ChainTestData.commitBlock(app, 0, tx);
    assertEquals(RejectReason.SPRINTS_DISABLED.code(), r.txResults().get(0).code());
    assertEquals(36, RejectReason.SPRINTS_DISABLED.code());
  }

  @Test
  void everyRefusalThroughAnEpoch() {
    chain =
        SprintChain.withWorkers(
            workers,
            p -> {
              p.put("min_workers", 2);
              p.put("samples_per_worker", 2);
            });
    // Block 1: fund an account with less than a deposit.
    assertAllOk(chain.block(chain.tx(USER, ChainTestData.sendMsg(poor.address(), 50))));
    byte[] seed = chain.seed(0);
    workers.forEach(w -> w.honest(seed, TARGET));
    absent.tree = null;
    WinnerTree tree = w0.tree;
    byte[] root = tree.commitment().root();

    // GENERATION (block 2): registration and early commits.
    assertRefused(RejectReason.INVALID_WORKER_KEY, USER, SprintMsgs.register(new byte[31]));
    assertRefused(RejectReason.WORKER_EXISTS, w0.key, SprintMsgs.register(w0.pubKey()));
    assertRefused(RejectReason.WORKER_EXISTS, w0.key, SprintMsgs.register(USER.publicKey()));
    assertRefused(RejectReason.WORKER_EXISTS, USER, SprintMsgs.register(w0.pubKey()));
    assertRefused(RejectReason.INSUFFICIENT_FUNDS, poor, SprintMsgs.register(poor.publicKey()));
    assertRefused(RejectReason.WRONG_PHASE, w0.key, SprintMsgs.commit(0, tree.commitment()));
    assertRefused(RejectReason.NOT_A_WORKER, USER, SprintMsgs.commit(0, tree.commitment()));
    chain.block();

    // COMMIT (blocks 3-4).
    assertRefused(RejectReason.MALFORMED_SPRINT_MSG, w0.key, SprintMsgs.commit(0, 0, root));
    assertRefused(RejectReason.MALFORMED_SPRINT_MSG, w0.key, SprintMsgs.commit(0, 5, new byte[31]));
    assertRefused(RejectReason.WRONG_PHASE, w0.key, SprintMsgs.commit(1, tree.commitment()));
    assertAllOk(chain.block(chain.commits(0, workers)));
    assertRefused(RejectReason.DUPLICATE_COMMIT, w0.key, SprintMsgs.commit(0, tree.commitment()));
    assertRefused(RejectReason.WRONG_PHASE, w0.key, SprintMsgs.reveal(0, tree, new long[] {0}));
    chain.runUntilNext(chain.auditSeedHeight(0) + 1);

    // REVEAL (block 6).
    long[] sample = chain.sample(0, w0.address());
    long notSampled = firstNotIn(sample, tree.size());
    assertRefused(RejectReason.NOT_A_WORKER, USER, SprintMsgs.reveal(0, tree, sample));
    assertRefused(
        RejectReason.NO_COMMITMENT, absent.key, SprintMsgs.reveal(0, tree, new long[] {0}));
    assertRefused(
        RejectReason.NOT_SAMPLED, w0.key, SprintMsgs.reveal(0, tree, new long[] {notSampled}));
    Opening good = SprintMsgs.opening(tree, sample[0]);
    Opening otherProof =
        good.toBuilder().setProof(SprintMsgs.opening(tree, sample[1]).getProof()).build();
    assertRefused(RejectReason.BAD_PROOF, w0.key, SprintMsgs.reveal(0, List.of(otherProof)));
    Opening wrongLeaf =
        good.toBuilder().setLeafHash(com.google.protobuf.ByteString.copyFrom(new byte[32])).build();
    assertRefused(RejectReason.BAD_PROOF, w0.key, SprintMsgs.reveal(0, List.of(wrongLeaf)));
    Opening shortLeaf =
        good.toBuilder().setLeafHash(com.google.protobuf.ByteString.copyFrom(new byte[31])).build();
    assertRefused(
        RejectReason.MALFORMED_SPRINT_MSG, w0.key, SprintMsgs.reveal(0, List.of(shortLeaf)));
    assertRefused(RejectReason.MALFORMED_SPRINT_MSG, w0.key, SprintMsgs.reveal(0, List.of()));
    assertAllOk(chain.block(chain.reveals(0, workers)));
    assertRefused(RejectReason.NOT_SAMPLED, w0.key, SprintMsgs.reveal(0, tree, sample));
    chain.runUntilNext(chain.auditHeight(0));

    // AUDIT (blocks 8-9): w1 audits w0 and lies about every digest.
    w1.reportsWrongDigests = true;
    SortedMap<Long, byte[]> one = new TreeMap<>();
    one.put(sample[0], new byte[32]);
    assertRefused(RejectReason.NOT_A_WORKER, USER, SprintMsgs.audit(0, w0.address(), one));
    assertRefused(RejectReason.NOT_ASSIGNED, w0.key, SprintMsgs.audit(0, w0.address(), one));
    Msg shortWorker =
        SprintMsgs.audit(0, w0.address(), one).toBuilder()
            .setAuditResult(
                SprintMsgs.audit(0, w0.address(), one).getAuditResult().toBuilder()
                    .setWorker(com.google.protobuf.ByteString.copyFrom(new byte[19])))
            .build();
    assertRefused(RejectReason.MALFORMED_SPRINT_MSG, w1.key, shortWorker);
    SortedMap<Long, byte[]> unopened = new TreeMap<>();
    unopened.put(notSampled, new byte[32]);
    assertRefused(RejectReason.NOT_SAMPLED, w1.key, SprintMsgs.audit(0, w0.address(), unopened));
    SortedMap<Long, byte[]> shortReport = new TreeMap<>();
    shortReport.put(sample[0], new byte[31]);
    assertRefused(
        RejectReason.MALFORMED_SPRINT_MSG, w1.key, SprintMsgs.audit(0, w0.address(), shortReport));
    assertRefused(RejectReason.WRONG_PHASE, w0.key, SprintMsgs.digests(0, tree, sample));
    assertAllOk(chain.block(chain.audits(0, workers)));
    assertRefused(RejectReason.DUPLICATE_REPORT, w1.key, SprintMsgs.audit(0, w0.address(), one));
    chain.runUntilNext(chain.settleStart(0));

    // SETTLE (block 10): digests.
    assertRefused(RejectReason.NOT_A_WORKER, USER, SprintMsgs.digests(0, tree, sample));
    assertRefused(RejectReason.NO_COMMITMENT, absent.key, SprintMsgs.digests(0, tree, sample));
    SprintMsgs.Published wrong = new SprintMsgs.Published(sample[0], new byte[32]);
    assertRefused(RejectReason.BAD_PROOF, w0.key, SprintMsgs.digests(0, List.of(wrong)));
    SprintMsgs.Published shortDigest = new SprintMsgs.Published(sample[0], new byte[31]);
    assertRefused(
        RejectReason.MALFORMED_SPRINT_MSG, w0.key, SprintMsgs.digests(0, List.of(shortDigest)));
    SprintMsgs.Published unopenedDigest = new SprintMsgs.Published(notSampled, new byte[32]);
    assertRefused(RejectReason.NOT_SAMPLED, w0.key, SprintMsgs.digests(0, List.of(unopenedDigest)));
    assertRefused(RejectReason.MALFORMED_SPRINT_MSG, w0.key, SprintMsgs.digests(0, List.of()));
    ModelTrace truth = ReferenceModel.trace(seed, w0.pubKey(), 0);
    assertRefused(
        RejectReason.NO_SUCH_DISPUTE,
        w0.key,
        SprintMsgs.trace(0, truth.layerHashes(), truth.digest()));
    assertAllOk(chain.block(chain.digests(0, workers)));
    assertRefused(RejectReason.NOT_SAMPLED, w0.key, SprintMsgs.digests(0, tree, sample));

    // The lie opened a dispute between w0 and w1 (block 11: traces).
    JsonNode open = chain.query("/disputes").get("open");
    assertEquals(1, open.size(), open.toString());
    long id = open.get(0).get("id").asLong();
    long nonce = Long.parseUnsignedLong(open.get(0).get("nonce").asText());
    truth = ReferenceModel.trace(seed, w0.pubKey(), nonce);
    List<byte[]> lie =
        ReferenceModel.tampered(truth.layerHashes(), 2, Hashes.sha256(truth.layerHashes().get(2)));
    byte[] lieDigest = Hashes.sha256(truth.digest());
    Msg workerTrace = SprintMsgs.trace(id, truth.layerHashes(), truth.digest());
    assertRefused(RejectReason.NOT_A_PARTY, USER, workerTrace);
    assertRefused(RejectReason.NOT_A_PARTY, absent.key, workerTrace);
    assertRefused(
        RejectReason.BAD_TRACE, w0.key, SprintMsgs.trace(id, truth.layerHashes(), lieDigest));
    assertRefused(
        RejectReason.BAD_TRACE, w1.key, SprintMsgs.trace(id, truth.layerHashes(), truth.digest()));
    assertRefused(
        RejectReason.MALFORMED_SPRINT_MSG,
        w0.key,
        SprintMsgs.trace(id, truth.layerHashes().subList(0, L), truth.digest()));
    int[] afterLayer1 = ReferenceModel.residual(seed, w0.pubKey(), nonce, 1);
    assertRefused(RejectReason.DISPUTE_CLOSED, w0.key, SprintMsgs.residual(id, 1, afterLayer1));
    assertAllOk(
        chain.block(
            chain.tx(w0.key, workerTrace), chain.tx(w1.key, SprintMsgs.trace(id, lie, lieDigest))));
    assertEquals(2, chain.dispute(id).get("step").asInt());

    // Block 12: residuals.
    assertRefused(RejectReason.DISPUTE_CLOSED, w0.key, workerTrace);
    assertRefused(RejectReason.BAD_RESIDUAL, w0.key, SprintMsgs.residual(id, 0, afterLayer1));
    assertRefused(RejectReason.BAD_RESIDUAL, w0.key, SprintMsgs.residualBytes(id, 1, new byte[12]));
    int[] embedding = ReferenceModel.residual(seed, w0.pubKey(), nonce, 0);
    assertRefused(RejectReason.BAD_RESIDUAL, w0.key, SprintMsgs.residual(id, 1, embedding));
    assertAllOk(chain.block(chain.tx(w0.key, SprintMsgs.residual(id, 1, afterLayer1))));
    assertEquals("WORKER", chain.dispute(id).get("winner").asText());
    assertRefused(RejectReason.DISPUTE_CLOSED, w0.key, SprintMsgs.residual(id, 1, afterLayer1));
    assertEquals("FALSE_ACCUSATION", chain.outcome(0, w1.address()));
    assertEquals("PASSED", chain.outcome(0, w0.address()));
    assertEquals("ABSENT", chain.outcome(0, absent.address()));
  }

  private static long firstNotIn(long[] sample, int count) {
    for (long i = 0; i < count; i++) {
      if (java.util.Arrays.binarySearch(sample, i) < 0) {
        return i;
      }
    }
    throw new AssertionError("every leaf sampled");
  }
}
