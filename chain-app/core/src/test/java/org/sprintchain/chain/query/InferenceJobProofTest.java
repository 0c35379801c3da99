package org.sprintchain.chain.query;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sprintchain.chain.BlockRequest;
import org.sprintchain.chain.BlockResult;
import org.sprintchain.chain.ChainApplication;
import org.sprintchain.chain.ChainTestData;
import org.sprintchain.chain.GenesisRequest;
import org.sprintchain.chain.crypto.Ed25519;
import org.sprintchain.chain.crypto.Hashes;
import org.sprintchain.chain.sprint.SprintGenesis;
import org.sprintchain.chain.tx.TxSigner;
import org.sprintchain.pocw.DifficultyTarget;
import org.sprintchain.proto.tx.v1.Msg;
import org.sprintchain.proto.tx.v1.MsgInferenceRequest;
import org.sprintchain.proto.tx.v1.TxBody;
import org.sprintchain.store.ProofVerifier;

/** {@code /inference/job/<id>} (and its alias) is one store entry, so it can be proven. */
class InferenceJobProofTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Ed25519.KeyPair PAYER = ChainTestData.key(2);

  private ChainApplication app;

  @BeforeEach
  void chainWithOneRequest() throws Exception {
    app = new ChainApplication(ChainTestData.newStore());
    app.initChain(
        new GenesisRequest(
            "proof-test",
            1,
            JSON.writeValueAsBytes(appState()),
            List.of(new SprintGenesis.GenesisValidator(ChainTestData.key(1).publicKey(), 10))));
    byte[] request =
        TxSigner.sign(
            PAYER,
            TxBody.newBuilder()
                .setChainId("proof-test")
                .setSequence(0)
                .setFee(1)
                .addMsgs(
                    Msg.newBuilder()
                        .setInferenceRequest(
                            MsgInferenceRequest.newBuilder()
                                .setModelId("synth")
                                .setInput(ByteString.copyFromUtf8("hello"))
                                .setMaxFee(100)))
                .build());
    BlockResult first = block(List.of(request));
    assertEquals(0, first.txResults().get(0).code(), first.txResults().get(0).log());
    block(List.of());
  }

  private BlockResult block(List<byte[]> txs) {
    long h = app.info().lastHeight() + 1;
    BlockResult r =
        app.finalizeBlock(
            new BlockRequest(
                h,
                ChainTestData.address(1),
                txs,
                Hashes.sha256(("block-" + h).getBytes(StandardCharsets.UTF_8))));
    app.commit();
    return r;
  }

  @Test
  void jobAnswerCarriesAProofOfItsRecord() throws Exception {
    long id = JSON.readTree(app.query("/inference/ledger", 0).value()).get("next_id").asLong() - 1;
    for (String path : List.of("/inference/job/" + id, "/inference/" + id)) {
      QueryResult r = app.query(path, 0, true);
      assertEquals(0, r.code(), r.log());
      StateProof proof = r.proof().orElseThrow();
      assertArrayEquals(
          ByteBuffer.allocate(9).put((byte) 0x22).putLong(id).array(), proof.storeKey());
      assertTrue(proof.rawValue().isPresent());
      assertTrue(
          ProofVerifier.verify(
              proof.proof(), proof.storeKey(), proof.rawValue(), app.info().appHash()));
      assertEquals("ASSIGNED", JSON.readTree(r.value()).get("status").asText());
    }
  }

  @Test
  void pastHeightProvesThePastRecord() {
    long id = 0;
    while (app.query("/inference/job/" + id, 1).code() != 0) {
      id++;
    }
    QueryResult atOne = app.query("/inference/job/" + id, 1, true);
    QueryResult latest = app.query("/inference/job/" + id, 0, true);
    assertFalse(
        java.util.Arrays.equals(
            atOne.proof().orElseThrow().rawValue().orElseThrow(),
            latest.proof().orElseThrow().rawValue().orElseThrow()),
        "PENDING at 1, ASSIGNED at 2");
  }

  @Test
  void otherInferencePathsAndMissingJobsCarryNoProof() {
    assertTrue(app.query("/inference/ledger", 0, true).proof().isEmpty());
    assertTrue(app.query("/inference/models", 0, true).proof().isEmpty());
    QueryResult missing = app.query("/inference/job/999", 0, true);
    assertTrue(missing.code() != 0 && missing.proof().isEmpty());
  }

  private static ObjectNode appState() {
    ObjectNode root = JSON.createObjectNode();
    root.putObject("params").put("min_fee", 1).put("max_tx_bytes", 65536);
    ArrayNode accounts = root.putArray("accounts");
    accounts.addObject().put("address", PAYER.address().toString()).put("balance", 1_000_000);
    ObjectNode sprint = root.putObject("sprint");
    ObjectNode p = sprint.putObject("params");
    p.put("epoch_length", 10_000).put("generation_blocks", 2).put("commit_deadline", 2);
    p.put("reveal_blocks", 3).put("audit_blocks", 2).put("model_preset", "tiny");
    p.put("difficulty_target", DifficultyTarget.oneIn(4).hex()).put("max_power_share_bps", 3000);
    p.put("samples_per_worker", 4).put("auditors_per_worker", 2).put("jail_epochs", 1);
    p.putObject("emission").put("initial_per_epoch", 1_000_000).put("halving_epochs", 100);
    p.putObject("slash")
        .put("worker_deposit", 1000)
        .put("fraud_slash_bps", 5000)
        .put("missed_reveal_slash_bps", 1000)
        .put("dispute_bond", 100)
        .put("challenger_reward_bps", 5000);
    p.put("min_workers", 3).put("dispute_budget_per_block", 50_000_000);
    ArrayNode workers = sprint.putArray("workers");
    for (int i = 0; i < 3; i++) {
      Ed25519.KeyPair w = ChainTestData.key(10 + i);
      accounts.addObject().put("address", w.address().toString()).put("balance", 1_000_000);
      byte[] consensus =
          Ed25519.KeyPair.fromPrivateKey(
                  Hashes.sha256(("consensus-" + w.address()).getBytes(StandardCharsets.UTF_8)))
              .publicKey();
      workers
          .addObject()
          .put("operator", w.address().toString())
          .put("consensus_pub_key", Base64.getEncoder().encodeToString(consensus));
    }
    ObjectNode inference = root.putObject("inference");
    inference
        .putObject("params")
        .put("timeout_blocks", 4)
        .put("audit_rate_bps", 0)
        .put("bad_history_audit_rate_bps", 10_000)
        .put("auditors_per_job", 2)
        .put("executor_share_bps", 8000)
        .put("liveness_penalty", 50)
        .put("fraud_slash_bps", 5000)
        .put("reexecution_budget_per_block", 1000);
    inference
        .putArray("models")
        .addObject()
        .put("model_id", "synth")
        .put("architecture", "synthetic-v1")
        .put(
            "weights_sha256",
            HexFormat.of().formatHex(Hashes.sha256("seed".getBytes(StandardCharsets.UTF_8))))
        .put("price_per_unit", 5)
        .put("max_input_bytes", 64);
    return root;
  }
}
