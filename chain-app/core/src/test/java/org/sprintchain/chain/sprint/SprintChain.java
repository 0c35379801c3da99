package org.sprintchain.chain.sprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import org.sprintchain.chain.tx.TxSigner;
import org.sprintchain.pocw.DifficultyTarget;
import org.sprintchain.pocw.WorkerId;
import org.sprintchain.pocw.audit.AuditReport;
import org.sprintchain.proto.tx.v1.Msg;
import org.sprintchain.proto.tx.v1.TxBody;
import org.sprintchain.store.StateStore;

/**
 * A sprint chain on an in-memory store, driven block by block as CometBFT and the worker nodes
 * would: block hashes are SHA-256 of {@code "block-<height>"}, the proposer is key 1 (never a
 * worker) unless a test says otherwise, every tx pays {@link #FEE}, and what a worker needs to know
 * (seed, sample, assignments) it learns through {@link ChainApplication#query}.
 *
 * <p>The default schedule: epoch 12 blocks, GENERATION 3, COMMIT 2, REVEAL 2, AUDIT 2, SETTLE 3; so
 * epoch 0 is heights 1–12 with commits at 4, the audit seed block at 6, audits at 8, digests at 10
 * and settlement at 12.
 *
 * <p>The inference tests' {@code InferenceChain} extends it with a market; what it uses is public,
 * the sprint phases stay package-private.
 */
public class SprintChain {
  public static final ObjectMapper JSON = new ObjectMapper();
  static final String CHAIN_ID = "sprint-epoch-test";
  public static final Ed25519.KeyPair PROPOSER = ChainTestData.key(1);
  public static final Ed25519.KeyPair USER = ChainTestData.key(2);
  static final DifficultyTarget TARGET = DifficultyTarget.oneIn(4);
  public static final long FEE = 3;
  public static final long BALANCE = 1_000_000;
  static final long GENESIS_VALIDATOR_POWER = 10;

  public final StateStore store = ChainTestData.newStore();
  public final ChainApplication app = new ChainApplication(store);
  final ObjectNode appState;
  public final long genesisSupply;
  final long epochLength;
  private final String chainId;
  private final long[] phaseLengths;
  private final SortedMap<Address, Long> pending = new TreeMap<>();
  public Address proposer = PROPOSER.address();

  /** The fee of the txs built by {@link #tx(Ed25519.KeyPair, Msg...)}. */
  long fee = FEE;

  /** Starts the chain: InitChain with {@code appState} and {@link #PROPOSER} as the validator. */
  protected SprintChain(String chainId, ObjectNode appState) {
    this.chainId = chainId;
    this.appState = appState;
    long supply = 0;
    for (JsonNode a : appState.get("accounts")) {
      supply += a.get("balance").asLong();
    }
    this.genesisSupply = supply;
    JsonNode p = appState.get("sprint").get("params");
    this.epochLength = p.get("epoch_length").asLong();
    this.phaseLengths =
        new long[] {
          p.get("generation_blocks").asLong(),
          p.get("commit_deadline").asLong(),
          p.get("reveal_blocks").asLong(),
          p.get("audit_blocks").asLong()
        };
    try {
      app.initChain(new GenesisRequest(chainId, 1, bytes(appState), List.of(genesisValidator())));
    } catch (GenesisException e) {
      throw new AssertionError(e);
    }
  }

  // ---- genesis

  /** The default params; tests adjust a copy. */
  public static ObjectNode params() {
    ObjectNode p = JSON.createObjectNode();
    p.put("epoch_length", 12);
    p.put("generation_blocks", 2);
    p.put("commit_deadline", 2);
    p.put("reveal_blocks", 3);
    p.put("audit_blocks", 2);
    p.put("model_preset", "tiny");
    p.put("difficulty_target", TARGET.hex());
    p.put("max_power_share_bps", 3000);
    p.put("samples_per_worker", 4);
    p.put("auditors_per_worker", 2);
    p.put("jail_epochs", 1);
    ObjectNode emission = p.putObject("emission");
    emission.put("initial_per_epoch", 1_000_000);
    emission.put("halving_epochs", 100);
    ObjectNode slash = p.putObject("slash");
    slash.put("worker_deposit", 1000);
    slash.put("fraud_slash_bps", 5000);
    slash.put("missed_reveal_slash_bps", 1000);
    slash.put("dispute_bond", 100);
    slash.put("challenger_reward_bps", 5000);
    p.put("min_workers", 3);
    p.put("dispute_budget_per_block", 50_000_000);
    return p;
  }

  /**
   * An {@code app_state}: every worker (genesis or not), {@link #USER} funded with {@link
   * #BALANCE}; {@code genesisWorkers} registered at genesis in the given order.
   */
  static ObjectNode appState(
      ObjectNode params, List<SimulatedWorker> allWorkers, List<SimulatedWorker> genesisWorkers) {
    ObjectNode root = appState(params);
    for (SimulatedWorker w : allWorkers) {
      fund(root, w.address(), BALANCE);
    }
    for (SimulatedWorker w : genesisWorkers) {
      registerWorker(root, w.address(), w.pubKey());
    }
    return root;
  }

  /**
   * An {@code app_state} with {@code params} as its sprint section and {@link #USER} funded with
   * {@link #BALANCE}; {@link #fund} and {@link #registerWorker} add the rest.
   */
  public static ObjectNode appState(ObjectNode params) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode chainParams = root.putObject("params");
    chainParams.put("min_fee", 1);
    chainParams.put("max_tx_bytes", 65536);
    root.putArray("accounts");
    fund(root, USER.address(), BALANCE);
    ObjectNode sprint = root.putObject("sprint");
    sprint.set("params", params);
    sprint.putArray("workers");
    return root;
  }

  /** Adds a genesis account holding {@code balance}. */
  public static void fund(ObjectNode appState, Address account, long balance) {
    ((ArrayNode) appState.get("accounts"))
        .addObject()
        .put("address", account.toString())
        .put("balance", balance);
  }

  /** Registers {@code operator} at genesis (its deposit comes out of its genesis balance). */
  public static void registerWorker(ObjectNode appState, Address operator, byte[] consensusKey) {
    ((ArrayNode) appState.get("sprint").get("workers"))
        .addObject()
        .put("operator", operator.toString())
        .put("consensus_pub_key", Base64.getEncoder().encodeToString(consensusKey));
  }

  static SprintChain start(ObjectNode appState) {
    return new SprintChain(CHAIN_ID, appState);
  }

  /** Workers 0 … n-1 each scoring {@code nonces}; all of them genesis workers. */
  static SprintChain withWorkers(List<SimulatedWorker> workers, Consumer<ObjectNode> tweak) {
    ObjectNode p = params();
    tweak.accept(p);
    return start(appState(p, workers, workers));
  }

  static SprintGenesis.GenesisValidator genesisValidator() {
    return new SprintGenesis.GenesisValidator(PROPOSER.publicKey(), GENESIS_VALIDATOR_POWER);
  }

  public static byte[] bytes(JsonNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- schedule (initial height 1)

  long epochStart(long e) {
    return 1 + e * epochLength;
  }

  long commitHeight(long e) {
    return epochStart(e) + phaseLengths[0];
  }

  long auditSeedHeight(long e) {
    return commitHeight(e) + phaseLengths[1];
  }

  long auditHeight(long e) {
    return auditSeedHeight(e) + phaseLengths[2];
  }

  long settleStart(long e) {
    return auditHeight(e) + phaseLengths[3];
  }

  long settleHeight(long e) {
    return epochStart(e) + epochLength - 1;
  }

  // ---- blocks and txs

  public long height() {
    return app.info().lastHeight();
  }

  static byte[] blockHash(long height) {
    return Hashes.sha256(("block-" + height).getBytes(StandardCharsets.UTF_8));
  }

  BlockRequest request(List<byte[]> txs) {
    long h = height() + 1;
    return new BlockRequest(h, proposer, txs, blockHash(h));
  }

  /** When set, every committed block is appended here (golden vectors). */
  ArrayNode recorder;

  /** Runs and commits the next block. */
  public BlockResult block(List<byte[]> txs) {
    BlockRequest request = request(txs);
    BlockResult r = app.finalizeBlock(request);
    app.commit();
    pending.clear();
    if (recorder != null) {
      recorder.add(SprintGoldenVectorTest.record(request, r));
    }
    return r;
  }

  public BlockResult block(byte[]... txs) {
    return block(List.of(txs));
  }

  /** Runs the next block without committing it (FinalizeBlock may run again for that height). */
  public BlockResult tryBlock(List<byte[]> txs) {
    return app.finalizeBlock(request(txs));
  }

  /**
   * Empty blocks until {@code height} is the last committed one; the last block's result (null when
   * it already was).
   */
  BlockResult runTo(long height) {
    assertTrue(height() <= height, "already past " + height);
    BlockResult last = null;
    while (height() < height) {
      last = block();
    }
    return last;
  }

  /** Empty blocks until the next block is {@code height}. */
  void runUntilNext(long height) {
    while (height() + 1 < height) {
      block();
    }
    assertEquals(height, height() + 1, "the next block");
  }

  /** The next sequence of {@code signer}, counting txs built since the last commit. */
  public long nextSequence(Address signer) {
    return sequence(signer) + pending.getOrDefault(signer, 0L);
  }

  /** A signed tx paying {@link #fee}; the signer's next tx gets the next sequence. */
  public byte[] tx(Ed25519.KeyPair signer, Msg... msgs) {
    return tx(signer, fee, List.of(msgs));
  }

  byte[] tx(Ed25519.KeyPair signer, long fee, List<Msg> msgs) {
    long sequence = nextSequence(signer.address());
    pending.merge(signer.address(), 1L, Long::sum);
    return sign(chainId, signer, sequence, fee, msgs);
  }

  static byte[] sign(Ed25519.KeyPair signer, long sequence, long fee, List<Msg> msgs) {
    return sign(CHAIN_ID, signer, sequence, fee, msgs);
  }

  public static byte[] sign(
      String chainId, Ed25519.KeyPair signer, long sequence, long fee, List<Msg> msgs) {
    TxBody.Builder body =
        TxBody.newBuilder().setChainId(chainId).setSequence(sequence).setFee(fee).addAllMsgs(msgs);
    return TxSigner.sign(signer, body.build());
  }

  // ---- queries

  public JsonNode query(String path) {
    QueryResult r = app.query(path, 0);
    assertTrue(r.isOk(), path + ": " + r.log());
    try {
      return JSON.readTree(r.value());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public long balance(Address a) {
    return query("/account/" + a).get("balance").asLong();
  }

  public long sequence(Address a) {
    return query("/account/" + a).get("sequence").asLong();
  }

  JsonNode worker(Address a) {
    return query("/worker/" + a);
  }

  public long deposit(Address a) {
    return worker(a).get("deposit").asLong();
  }

  JsonNode epoch(long e) {
    return query("/sprint/" + e);
  }

  byte[] seed(long e) {
    String hex = epoch(e).get("seed").asText();
    assertEquals(64, hex.length(), "seed of epoch " + e + " not known");
    return HexFormat.of().parseHex(hex);
  }

  JsonNode workerInEpoch(long e, Address w) {
    return query("/sprint/" + e + "/" + w);
  }

  long[] sample(long e, Address w) {
    JsonNode node = workerInEpoch(e, w);
    assertTrue(node.get("sample_known").asBoolean(), w + "'s sample is not known yet");
    long[] out = new long[node.get("sample").size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = node.get("sample").get(i).asLong();
    }
    return out;
  }

  List<Address> auditorsOf(long e, Address w) {
    List<Address> out = new ArrayList<>();
    workerInEpoch(e, w).get("auditors").forEach(a -> out.add(Address.parse(a.asText())));
    return out;
  }

  /** The epoch's result of {@code w} (outcome, work, power, reward, slashed, jailed_through). */
  JsonNode result(long e, Address w) {
    JsonNode r = workerInEpoch(e, w).get("result");
    assertTrue(r != null, "no result for " + w + " in epoch " + e);
    return r;
  }

  String outcome(long e, Address w) {
    return result(e, w).get("outcome").asText();
  }

  JsonNode dispute(long id) {
    return query("/dispute/" + id);
  }

  // ---- what worker nodes send in each phase

  /** The commit tx of every worker with a tree. */
  List<byte[]> commits(long e, List<SimulatedWorker> workers) {
    List<byte[]> txs = new ArrayList<>();
    for (SimulatedWorker w : workers) {
      if (w.tree != null) {
        txs.add(tx(w.key, SprintMsgs.commit(e, w.tree.commitment())));
      }
    }
    return txs;
  }

  /** The reveal tx of every committed worker that reveals, opening its sample. */
  List<byte[]> reveals(long e, List<SimulatedWorker> workers) {
    List<byte[]> txs = new ArrayList<>();
    for (SimulatedWorker w : workers) {
      if (w.tree != null && w.reveals) {
        txs.add(tx(w.key, SprintMsgs.reveal(e, w.tree, sample(e, w.address()))));
      }
    }
    return txs;
  }

  /** The audit tx of every auditing worker: one result per assigned worker with openings. */
  List<byte[]> audits(long e, List<SimulatedWorker> workers) {
    List<byte[]> txs = new ArrayList<>();
    byte[] seed = seed(e);
    for (SimulatedWorker v : workers) {
      if (!v.audits || v.tree == null) {
        continue;
      }
      List<Msg> msgs = auditMsgs(e, seed, v);
      if (!msgs.isEmpty()) {
        txs.add(tx(v.key, fee, msgs));
      }
    }
    return txs;
  }

  /** What auditor {@code v} reports, recomputing each opened nonce with the worker's key. */
  List<Msg> auditMsgs(long e, byte[] seed, SimulatedWorker v) {
    List<Msg> msgs = new ArrayList<>();
    for (JsonNode a : query("/sprint/" + e + "/audits/" + v.address()).get("assignments")) {
      byte[] key = HexFormat.of().parseHex(a.get("consensus_key").asText());
      SortedMap<Long, byte[]> reports = new TreeMap<>();
      for (JsonNode o : a.get("openings")) {
        long index = o.get("index").asLong();
        byte[] digest =
            ReferenceModel.digest(seed, key, Long.parseUnsignedLong(o.get("nonce").asText()));
        if (v.reportsWrongDigests) {
          digest = Hashes.sha256(digest);
        }
        reports.put(index, AuditReport.of(WorkerId.of(v.address().toBytes()), index, digest));
      }
      if (!reports.isEmpty()) {
        msgs.add(SprintMsgs.audit(e, Address.parse(a.get("worker").asText()), reports));
      }
    }
    return msgs;
  }

  /** The digests tx of every worker that publishes. */
  List<byte[]> digests(long e, List<SimulatedWorker> workers) {
    List<byte[]> txs = new ArrayList<>();
    for (SimulatedWorker w : workers) {
      if (w.tree != null && w.reveals && w.publishes) {
        txs.add(tx(w.key, SprintMsgs.digests(e, w.tree, sample(e, w.address()))));
      }
    }
    return txs;
  }

  /**
   * Runs epoch {@code e} from its current point through the digests block (SETTLE's first height):
   * the caller has set the trees; the result of each phase's block must be all-ok.
   */
  void runThroughDigests(long e, List<SimulatedWorker> workers) {
    runUntilNext(commitHeight(e));
    assertAllOk(block(commits(e, workers)));
    runUntilNext(auditSeedHeight(e) + 1);
    assertAllOk(block(reveals(e, workers)));
    runUntilNext(auditHeight(e));
    assertAllOk(block(audits(e, workers)));
    runUntilNext(settleStart(e));
    assertAllOk(block(digests(e, workers)));
  }

  /** A whole epoch, with every tree set by {@code trees} once the seed is known. */
  BlockResult runEpoch(long e, List<SimulatedWorker> workers, Consumer<byte[]> trees) {
    runTo(epochStart(e));
    trees.accept(seed(e));
    runThroughDigests(e, workers);
    return runTo(settleHeight(e));
  }

  public static void assertAllOk(BlockResult r) {
    for (TxResult t : r.txResults()) {
      assertEquals(0, t.code(), t.log());
    }
  }

  // ---- supply

  /** Balances of every funded account, the proposer and the workers, plus deposits. */
  long holdings(List<SimulatedWorker> workers) {
    long total = balance(USER.address()) + balance(PROPOSER.address());
    for (SimulatedWorker w : workers) {
      total += balance(w.address());
      JsonNode record = app.query("/worker/" + w.address(), 0).isOk() ? worker(w.address()) : null;
      total += record == null ? 0 : record.get("deposit").asLong();
    }
    return total;
  }

  /**
   * Fee pots not paid out yet: those of epochs not settled (a settled epoch paid its pot or carried
   * it into the next epoch's).
   */
  long unpaidPots() {
    long total = 0;
    long current = (height() - 1) / epochLength;
    for (long e = 0; e <= current + 1; e++) {
      JsonNode epoch = epoch(e);
      String status = epoch.get("status").asText();
      if (!status.equals("SETTLED") && !status.equals("FAILED")) {
        total += epoch.get("fee_pot").asLong();
      }
    }
    return total;
  }

  /** Tokens minted by settled epochs. */
  long minted() {
    long total = 0;
    long current = (height() - 1) / epochLength;
    for (long e = 0; e <= current; e++) {
      total += epoch(e).get("emission").asLong();
    }
    return total;
  }
}
