package org.sprintchain.chain.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import org.sprintchain.chain.ChainTestData;
import org.sprintchain.chain.crypto.Address;
import org.sprintchain.chain.crypto.Ed25519;
import org.sprintchain.chain.crypto.Hashes;
import org.sprintchain.chain.sprint.SprintChain;
import org.sprintchain.proto.tx.v1.Msg;
import org.sprintchain.proto.tx.v1.MsgInferenceRequest;
import org.sprintchain.proto.tx.v1.MsgInferenceResult;
import org.sprintchain.proto.tx.v1.MsgInferenceVerdict;
import org.sprintchain.proto.tx.v1.MsgSend;

/**
 * The sprint tests' {@link SprintChain} with an inference market: blocks, txs, the proposer (key 1,
 * never a worker), {@link #FEE} per tx and the queries come from there. The epoch is long enough
 * that no sprint settles (nothing is minted) during a test, so every tx fee stays in epoch 0's pot.
 */
final class InferenceChain extends SprintChain {
  static final String INFERENCE_CHAIN_ID = "inference-test";

  /** Funded with {@link #BALANCE}: the sprint chain's user. */
  static final Ed25519.KeyPair PAYER = USER;

  static final Ed25519.KeyPair POOR = ChainTestData.key(3);

  /** The sprint params' {@code worker_deposit}. */
  static final long DEPOSIT = 1000;

  static final String MODEL = "synth";
  static final byte[] SEED = Hashes.sha256("synthetic seed".getBytes(StandardCharsets.UTF_8));
  static final long PRICE = 5;
  static final int MAX_INPUT = 64;

  /** A model whose price overflows units x price from 3 units on. */
  static final String PRICEY = "pricey";

  final List<Ed25519.KeyPair> workers;

  private InferenceChain(ObjectNode appState) {
    super(INFERENCE_CHAIN_ID, appState);
    this.workers = workerKeys(appState.get("sprint").get("workers").size());
  }

  static List<Ed25519.KeyPair> workerKeys(int n) {
    List<Ed25519.KeyPair> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(ChainTestData.key(10 + i));
    }
    return out;
  }

  // ---- genesis

  /** The default market params: audits off, so a test turns them on where it needs them. */
  static ObjectNode inferenceParams() {
    ObjectNode p = JSON.createObjectNode();
    p.put("timeout_blocks", 4);
    p.put("audit_rate_bps", 0);
    p.put("bad_history_audit_rate_bps", 10_000);
    p.put("auditors_per_job", 2);
    p.put("executor_share_bps", 8000);
    p.put("liveness_penalty", 50);
    p.put("fraud_slash_bps", 5000);
    p.put("reexecution_budget_per_block", 1000);
    return p;
  }

  static ObjectNode inferenceSection(ObjectNode params) {
    ObjectNode section = JSON.createObjectNode();
    section.set("params", params);
    ArrayNode models = section.putArray("models");
    models
        .addObject()
        .put("model_id", MODEL)
        .put("architecture", "synthetic-v1")
        .put("weights_sha256", HexFormat.of().formatHex(SEED))
        .put("price_per_unit", PRICE)
        .put("max_input_bytes", MAX_INPUT);
    models
        .addObject()
        .put("model_id", PRICEY)
        .put("architecture", "synthetic-v1")
        .put("weights_sha256", HexFormat.of().formatHex(SEED))
        .put("price_per_unit", 4_000_000_000_000_000_000L)
        .put("max_input_bytes", 8);
    return section;
  }

  /**
   * {@link #PAYER} and every worker hold {@link #BALANCE}, {@link #POOR} holds 10; the sprint's
   * default params with a 10 000-block epoch; {@code workerCount} genesis workers.
   */
  static ObjectNode appState(int workerCount, Consumer<ObjectNode> tweakInference) {
    ObjectNode root = appState(params().put("epoch_length", 10_000));
    fund(root, POOR.address(), 10);
    for (Ed25519.KeyPair w : workerKeys(workerCount)) {
      fund(root, w.address(), BALANCE);
      registerWorker(root, w.address(), consensusKey(w.address()).publicKey());
    }
    ObjectNode params = inferenceParams();
    tweakInference.accept(params);
    root.set("inference", inferenceSection(params));
    return root;
  }

  static Ed25519.KeyPair consensusKey(Address operator) {
    return Ed25519.KeyPair.fromPrivateKey(
        Hashes.sha256(("consensus-" + operator).getBytes(StandardCharsets.UTF_8)));
  }

  static InferenceChain start(int workerCount, Consumer<ObjectNode> tweakInference) {
    return start(appState(workerCount, tweakInference));
  }

  /** A chain from an {@link #appState} a test has changed; its workers are those of the state. */
  static InferenceChain start(ObjectNode appState) {
    return new InferenceChain(appState);
  }

  static byte[] sign(Ed25519.KeyPair signer, long sequence, long fee, List<Msg> msgs) {
    return sign(INFERENCE_CHAIN_ID, signer, sequence, fee, msgs);
  }

  // ---- messages

  static Msg request(String model, byte[] input, long maxFee) {
    return Msg.newBuilder()
        .setInferenceRequest(
            MsgInferenceRequest.newBuilder()
                .setModelId(model)
                .setInput(ByteString.copyFrom(input))
                .setMaxFee(maxFee))
        .build();
  }

  static Msg request(byte[] input, long maxFee) {
    return request(MODEL, input, maxFee);
  }

  static Msg result(long id, byte[] output, byte[] digest, long units) {
    return Msg.newBuilder()
        .setInferenceResult(
            MsgInferenceResult.newBuilder()
                .setRequestId(id)
                .setOutput(ByteString.copyFrom(output))
                .setOutputDigest(ByteString.copyFrom(digest))
                .setUnits(units))
        .build();
  }

  /** The honest result of {@code input} on the synthetic model. */
  static Msg honestResult(long id, byte[] input) {
    byte[] out = SyntheticModel.run(SEED, input);
    return result(id, out, Hashes.sha256(out), input.length);
  }

  /** A wrong output with a consistent digest (the byzantine {@code wrong-output} mode). */
  static Msg wrongResult(long id, byte[] input) {
    byte[] out = SyntheticModel.run(SEED, input);
    out[0] ^= 1;
    return result(id, out, Hashes.sha256(out), input.length);
  }

  static Msg verdict(long id, byte[] digest) {
    return Msg.newBuilder()
        .setInferenceVerdict(
            MsgInferenceVerdict.newBuilder()
                .setRequestId(id)
                .setOutputDigest(ByteString.copyFrom(digest)))
        .build();
  }

  static byte[] honestDigest(byte[] input) {
    return Hashes.sha256(SyntheticModel.run(SEED, input));
  }

  static Msg noop(Address self) {
    return Msg.newBuilder()
        .setSend(MsgSend.newBuilder().setTo(ByteString.copyFrom(self.toBytes())).setAmount(1))
        .build();
  }

  static byte[] text(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  // ---- queries

  JsonNode job(long id) {
    return query("/inference/job/" + id);
  }

  String status(long id) {
    return job(id).get("status").asText();
  }

  Ed25519.KeyPair keyOf(String address) {
    for (Ed25519.KeyPair k : workers) {
      if (k.address().toString().equals(address)) {
        return k;
      }
    }
    throw new AssertionError("no worker " + address);
  }

  Ed25519.KeyPair executorOf(long id) {
    return keyOf(job(id).get("executor").asText());
  }

  List<Ed25519.KeyPair> auditorsOf(long id) {
    List<Ed25519.KeyPair> out = new ArrayList<>();
    job(id).get("audits").forEach(a -> out.add(keyOf(a.get("auditor").asText())));
    return out;
  }

  /**
   * Every token: accounts of the payers, the proposer and the workers, worker deposits, the sprint
   * fee pot of epoch 0, inference escrow, and what the market burned.
   */
  long holdings() {
    long total = balance(PAYER.address()) + balance(POOR.address()) + balance(PROPOSER.address());
    for (Ed25519.KeyPair w : workers) {
      total += balance(w.address()) + deposit(w.address());
    }
    total += query("/sprint/0").get("fee_pot").asLong();
    JsonNode ledger = query("/inference/ledger");
    return total + ledger.get("escrowed").asLong() + ledger.get("burned").asLong();
  }

  /** Burned by the market (slashes and liveness penalties). */
  long burned() {
    return query("/inference/ledger").get("burned").asLong();
  }

  void assertConserved() {
    assertEquals(genesisSupply, holdings(), "no token created or lost at height " + height());
  }
}
