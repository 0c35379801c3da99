package org.sprintchain.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sprintchain.chain.BlockRequest;
import org.sprintchain.chain.BlockResult;
import org.sprintchain.chain.ChainApplication;
import org.sprintchain.chain.GenesisRequest;
import org.sprintchain.chain.crypto.Ed25519;
import org.sprintchain.chain.crypto.Hashes;
import org.sprintchain.chain.exec.Event;
import org.sprintchain.chain.exec.TxResult;
import org.sprintchain.chain.query.QueryResult;
import org.sprintchain.chain.query.StateProof;
import org.sprintchain.chain.sprint.SprintGenesis;
import org.sprintchain.chain.tx.TxSigner;
import org.sprintchain.pocw.DifficultyTarget;
import org.sprintchain.proto.tx.v1.Msg;
import org.sprintchain.proto.tx.v1.MsgInferenceResult;
import org.sprintchain.proto.tx.v1.TxBody;
import org.sprintchain.store.testing.InMemoryStateStore;

/**
 * The real chain core with an inference market (synthetic model {@value #MODEL}, audits off) behind
 * a {@link StubCometRpc} that answers as CometBFT would: {@code abci_query} (with proofs), {@code
 * status}, {@code header}, {@code tx}, {@code tx_search} and {@code block}.
 */
final class InferenceTestNode implements AutoCloseable {
  static final String CHAIN_ID = "receipt-test";
  static final String MODEL = "synth";
  static final Ed25519.KeyPair PAYER = key("payer");
  static final List<Ed25519.KeyPair> WORKERS = List.of(key("w0"), key("w1"), key("w2"));
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern PATH = Pattern.compile("path=\"([^\"]*)\"");
  private static final Pattern HEIGHT = Pattern.compile("height=([0-9]+)");
  private static final Pattern HASH = Pattern.compile("hash=0x([0-9A-Fa-f]+)");

  final ChainApplication app = new ChainApplication(InMemoryStateStore.create());
  final StubCometRpc rpc;
  private final Map<Long, byte[]> appHashAfter = new HashMap<>();
  private final Map<Long, List<byte[]>> blocks = new HashMap<>();
  private final Map<String, ObjectNode> txs = new HashMap<>();
  private final Map<Ed25519.KeyPair, Long> sequences = new HashMap<>();

  /** Rewrites every query answer's JSON: a lying node. */
  volatile UnaryOperator<String> answerTamper = UnaryOperator.identity();

  InferenceTestNode() throws Exception {
    app.initChain(
        new GenesisRequest(
            CHAIN_ID,
            1,
            JSON.writeValueAsBytes(appState()),
            List.of(new SprintGenesis.GenesisValidator(key("proposer").publicKey(), 10))));
    rpc = new StubCometRpc();
    rpc.result("abci_query", this::abciQuery)
        .result("status", q -> status())
        .result("header", q -> header(Long.parseLong(find(HEIGHT, q))))
        .result("block", q -> block(Long.parseLong(find(HEIGHT, q))));
    rpc.raw("tx", this::tx);
  }

  static Ed25519.KeyPair key(String seed) {
    return Ed25519.KeyPair.fromPrivateKey(Hashes.sha256(seed.getBytes(StandardCharsets.UTF_8)));
  }

  long height() {
    return app.info().lastHeight();
  }

  /** Runs and commits one block of {@code signedTxs}. */
  BlockResult block(byte[]... signedTxs) {
    long h = height() + 1;
    BlockResult r =
        app.finalizeBlock(
            new BlockRequest(
                h,
                key("proposer").address(),
                List.of(signedTxs),
                Hashes.sha256(("block-" + h).getBytes(StandardCharsets.UTF_8))));
    app.commit();
    appHashAfter.put(h, app.info().appHash());
    blocks.put(h, List.of(signedTxs));
    for (int i = 0; i < signedTxs.length; i++) {
      txs.put(hash(signedTxs[i]), txJson(signedTxs[i], h, r.txResults().get(i)));
    }
    return r;
  }

  byte[] sign(Ed25519.KeyPair signer, Msg msg) {
    long sequence = sequences.merge(signer, 1L, Long::sum) - 1;
    return TxSigner.sign(
        signer,
        TxBody.newBuilder()
            .setChainId(CHAIN_ID)
            .setSequence(sequence)
            .setFee(1)
            .addMsgs(msg)
            .build());
  }

  /** The executor's honest result for job {@code id}, signed by whichever worker was drawn. */
  byte[] honestResult(InferenceJob job) {
    Ed25519.KeyPair executor =
        WORKERS.stream()
            .filter(w -> w.address().toString().equals(job.executor()))
            .findFirst()
            .orElseThrow();
    byte[] output = synthetic(job.input());
    return sign(
        executor,
        Msg.newBuilder()
            .setInferenceResult(
                MsgInferenceResult.newBuilder()
                    .setRequestId(job.id())
                    .setOutput(ByteString.copyFrom(output))
                    .setOutputDigest(ByteString.copyFrom(Hashes.sha256(output)))
                    .setUnits(job.input().length))
            .build());
  }

  static byte[] synthetic(byte[] input) {
    var model =
        new org.sprintchain.chain.inference.ModelEntry(
            MODEL, org.sprintchain.chain.inference.Architecture.SYNTHETIC_V1, seed(), 2, 64);
    return org.sprintchain.chain.inference.ModelRuntime.execute(model, input);
  }

  static String hash(byte[] tx) {
    return HexFormat.of().withUpperCase().formatHex(Hashes.sha256(tx));
  }

  private String abciQuery(String q) {
    String path = find(PATH, q);
    long height = q.contains("height=") ? Long.parseLong(find(HEIGHT, q)) : 0;
    QueryResult r = app.query(path, height, q.contains("prove=true"));
    ObjectNode response = JSON.createObjectNode();
    response.put("code", r.code());
    response.put("log", r.log());
    String value = answerTamper.apply(new String(r.value(), StandardCharsets.UTF_8));
    response.put(
        "value", Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)));
    response.put("height", Long.toString(r.height()));
    ArrayNode ops = response.putObject("proofOps").putArray("ops");
    r.proof()
        .ifPresent(
            (StateProof p) -> {
              op(ops, StateProof.PROOF_OP_TYPE, p.storeKey(), p.proof());
              op(ops, StateProof.VALUE_OP_TYPE, p.storeKey(), p.rawValue().orElse(new byte[0]));
            });
    ObjectNode out = JSON.createObjectNode();
    out.set("response", response);
    return out.toString();
  }

  private static void op(ArrayNode ops, String type, byte[] key, byte[] data) {
    ops.addObject()
        .put("type", type)
        .put("key", Base64.getEncoder().encodeToString(key))
        .put("data", Base64.getEncoder().encodeToString(data));
  }

  private String status() {
    return "{\"node_info\":{\"id\":\"n\",\"network\":\""
        + CHAIN_ID
        + "\",\"moniker\":\"m\"},\"sync_info\":{\"latest_block_height\":\""
        + height()
        + "\",\"catching_up\":false}}";
  }

  private String header(long h) {
    byte[] hash = appHashAfter.get(h - 1);
    return "{\"header\":{\"height\":\""
        + h
        + "\",\"app_hash\":\""
        + HexFormat.of().withUpperCase().formatHex(hash)
        + "\"}}";
  }

  private String block(long h) {
    ObjectNode out = JSON.createObjectNode();
    ArrayNode list = out.putObject("block").putObject("data").putArray("txs");
    blocks.getOrDefault(h, List.of()).forEach(t -> list.add(Base64.getEncoder().encodeToString(t)));
    return out.toString();
  }

  private String tx(String q) {
    ObjectNode found = txs.get(find(HASH, q).toUpperCase(java.util.Locale.ROOT));
    if (found == null) {
      return "{\"jsonrpc\":\"2.0\",\"id\":-1,\"error\":{\"code\":-32603,\"message\":\"Internal"
          + " error\",\"data\":\"tx (X) not found\"}}";
    }
    return "{\"jsonrpc\":\"2.0\",\"id\":-1,\"result\":" + found + "}";
  }

  private static ObjectNode txJson(byte[] tx, long height, TxResult result) {
    ObjectNode out = JSON.createObjectNode();
    out.put("hash", hash(tx));
    out.put("height", Long.toString(height));
    out.put("tx", Base64.getEncoder().encodeToString(tx));
    ObjectNode r = out.putObject("tx_result");
    r.put("code", result.code());
    r.put("log", result.log());
    ArrayNode events = r.putArray("events");
    for (Event e : result.events()) {
      ObjectNode ev = events.addObject().put("type", e.type());
      ArrayNode attrs = ev.putArray("attributes");
      e.attributes().forEach(a -> attrs.addObject().put("key", a.key()).put("value", a.value()));
    }
    return out;
  }

  private static String find(Pattern p, String q) {
    Matcher m = p.matcher(q);
    if (!m.find()) {
      throw new IllegalArgumentException(p + " not in " + q);
    }
    return m.group(1);
  }

  private static byte[] seed() {
    return Hashes.sha256("seed".getBytes(StandardCharsets.UTF_8));
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
    for (Ed25519.KeyPair w : WORKERS) {
      accounts.addObject().put("address", w.address().toString()).put("balance", 1_000_000);
      workers
          .addObject()
          .put("operator", w.address().toString())
          .put(
              "consensus_pub_key",
              Base64.getEncoder().encodeToString(key("consensus-" + w.address()).publicKey()));
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
        .put("model_id", MODEL)
        .put("architecture", "synthetic-v1")
        .put("weights_sha256", HexFormat.of().formatHex(seed()))
        .put("price_per_unit", 2)
        .put("max_input_bytes", 64);
    return root;
  }

  @Override
  public void close() {
    rpc.close();
  }
}
