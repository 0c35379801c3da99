package org.sprintchain.chain.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.sprintchain.chain.BlockRequest;
import org.sprintchain.chain.BlockResult;
import org.sprintchain.chain.ChainApplication;
import org.sprintchain.chain.ChainTestData;
import org.sprintchain.chain.GenesisRequest;
import org.sprintchain.chain.crypto.Address;
import org.sprintchain.chain.crypto.Ed25519;
import org.sprintchain.chain.crypto.Hashes;
import org.sprintchain.chain.exec.TxResult;
import org.sprintchain.chain.genesis.GenesisException;
import org.sprintchain.chain.query.QueryResult;
import org.sprintchain.chain.sprint.SprintGenesis;
import org.sprintchain.chain.tx.TxSigner;
import org.sprintchain.pocw.DifficultyTarget;
import org.sprintchain.proto.tx.v1.Msg;
import org.sprintchain.proto.tx.v1.MsgInferenceRequest;
import org.sprintchain.proto.tx.v1.MsgInferenceResult;
import org.sprintchain.proto.tx.v1.MsgInferenceVerdict;
import org.sprintchain.proto.tx.v1.MsgSend;
import org.sprintchain.proto.tx.v1.TxBody;
import org.sprintchain.store.StateStore;

/**
 * A sprint chain with an inference market on an in-memory store (after the sprint tests' {@code
 * SprintChain}): block hashes are SHA-256 of {@code "block-<height>"} (a test may supply its own),
 * the proposer is key 1 (never a worker), every tx pays {@link #FEE} into the epoch's pot, and the
 * epoch is long enough that no sprint settles (nothing is minted) during a test.
 */
final class InferenceChain {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String CHAIN_ID = "inference-test";
  static final Ed25519.KeyPair PROPOSER = ChainTestData.key(1);
  static final Ed25519.KeyPair PAYER = ChainTestData.key(2);
  static final Ed25519.KeyPair POOR = ChainTestData.key(3);
  static final long FEE = 3;
  static final long BALANCE = 1_000_000;
  static final long DEPOSIT = 1000;
  static final String MODEL = "synth";
  static final byte[] SEED = Hashes.sha256("synthetic seed".getBytes(StandardCharsets.UTF_8));
  static final long PRICE = 5;
  static final int MAX_INPUT = 64;

  /** A model whose price overflows units x price from 3 units on. */
  static final String PRICEY = "pricey";

  final StateStore store = ChainTestData.newStore();
  final ChainApplication app = new ChainApplication(store);
  final List<Ed25519.KeyPair> workers;
  final long genesisSupply;
  private final SortedMap<Address, Long> pending = new TreeMap<>();
  Address proposer = PROPOSER.address();

  private InferenceChain(List<Ed25519.KeyPair> workers, long supply) {
    this.workers = workers;
    this.genesisSupply = supply;
  }

  static List<Ed25519.KeyPair> workerKeys(int n) {
    List<Ed25519.KeyPair> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(ChainTestData.key(10 + i));
    }
    return out;
  }

  static ObjectNode sprintParams() {
    ObjectNode p = JSON.createObjectNode();
    p.put("epoch_length", 10_000);
    p.put("generation_blocks", 2);
    p.put("commit_deadline", 2);
    p.put("reveal_blocks", 3);
    p.put("audit_blocks", 2);
    p.put("model_preset", "tiny");
    p.put("difficulty_target", DifficultyTarget.oneIn(4).hex());
    p.put("max_power_share_bps", 3000);
    p.put("samples_per_worker", 4);
    p.put("auditors_per_worker", 2);
    p.put("jail_epochs", 1);
    ObjectNode emission = p.putObject("emission");
    emission.put("initial_per_epoch", 1_000_000);
    emission.put("halving_epochs", 100);
    ObjectNode slash = p.putObject("slash");
    slash.put("worker_deposit", DEPOSIT);
    slash.put("fraud_slash_bps", 5000);
    slash.put("missed_reveal_slash_bps", 1000);
    slash.put("dispute_bond", 100);
    slash.put("challenger_reward_bps", 5000);
    p.put("min_workers", 3);
    p.put("dispute_budget_per_block", 50_000_000);
    return p;
  }

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

  static ObjectNode appState(int workerCount, Consumer<ObjectNode> tweakInference) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode chainParams = root.putObject("params");
    chainParams.put("min_fee", 1);
    chainParams.put("max_tx_bytes", 65536);
    ArrayNode accounts = root.putArray("accounts");
    accounts.addObject().put("address", PAYER.address().toString()).put("balance", BALANCE);
    accounts.addObject().put("address", POOR.address().toString()).put("balance", 10);
    ObjectNode sprint = root.putObject("sprint");
    sprint.set("params", sprintParams());
    ArrayNode ws = sprint.putArray("workers");
    for (Ed25519.KeyPair w : workerKeys(workerCount)) {
      accounts.addObject().put("address", w.address().toString()).put("balance", BALANCE);
      ws.addObject()
          .put("operator", w.address().toString())
          .put(
              "consensus_pub_key",
              Base64.getEncoder().encodeToString(consensusKey(w.address()).publicKey()));
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
    ObjectNode appState = appState(workerCount, tweakInference);
    long supply = 0;
    for (JsonNode a : appState.get("accounts")) {
      supply += a.get("balance").asLong();
    }
    InferenceChain chain = new InferenceChain(workerKeys(workerCount), supply);
    try {
      chain.app.initChain(
          new GenesisRequest(
              CHAIN_ID,
              1,
              bytes(appState),
              List.of(new SprintGenesis.GenesisValidator(PROPOSER.publicKey(), 10))));
    } catch (GenesisException e) {
      throw new AssertionError(e);
    }
    return chain;
  }

  static byte[] bytes(JsonNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- blocks and txs

  long height() {
    return app.info().lastHeight();
  }

  static byte[] blockHash(long height) {
    return Hashes.sha256(("block-" + height).getBytes(StandardCharsets.UTF_8));
  }

  BlockRequest request(List<byte[]> txs) {
    long h = height() + 1;
    return new BlockRequest(h, proposer, txs, blockHash(h));
  }

  BlockResult block(List<byte[]> txs) {
    BlockResult r = app.finalizeBlock(request(txs));
    app.commit();
    pending.clear();
    return r;
  }

  BlockResult block(byte[]... txs) {
    return block(List.of(txs));
  }

  /** Runs the next block without committing it (FinalizeBlock may run again for that height). */
  BlockResult tryBlock(List<byte[]> txs) {
    return app.finalizeBlock(request(txs));
  }

  long nextSequence(Address signer) {
    return sequence(signer) + pending.getOrDefault(signer, 0L);
  }

  byte[] tx(Ed25519.KeyPair signer, Msg... msgs) {
    long sequence = nextSequence(signer.address());
    pending.merge(signer.address(), 1L, Long::sum);
    return sign(signer, sequence, FEE, List.of(msgs));
  }

  static byte[] sign(Ed25519.KeyPair signer, long sequence, long fee, List<Msg> msgs) {
    return TxSigner.sign(
        signer,
        TxBody.newBuilder()
            .setChainId(CHAIN_ID)
            .setSequence(sequence)
            .setFee(fee)
            .addAllMsgs(msgs)
            .build());
  }

  static void assertAllOk(BlockResult r) {
    for (TxResult t : r.txResults()) {
      assertEquals(0, t.code(), t.log());
    }
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

  JsonNode query(String path) {
    QueryResult r = app.query(path, 0);
    assertTrue(r.isOk(), path + ": " + r.log());
    try {
      return JSON.readTree(r.value());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  long balance(Address a) {
    return query("/account/" + a).get("balance").asLong();
  }

  long sequence(Address a) {
    return query("/account/" + a).get("sequence").asLong();
  }

  long deposit(Address a) {
    return query("/worker/" + a).get("deposit").asLong();
  }

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
