package org.sprintchain.chain.sprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.sprintchain.chain.sprint.SprintChain.JSON;
import static org.sprintchain.chain.sprint.SprintChain.TARGET;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sprintchain.chain.BlockRequest;
import org.sprintchain.chain.BlockResult;
import org.sprintchain.chain.ChainApplication;
import org.sprintchain.chain.ChainTestData;
import org.sprintchain.chain.GenesisRequest;
import org.sprintchain.chain.ValidatorUpdate;
import org.sprintchain.chain.crypto.Address;
import org.sprintchain.chain.exec.TxResult;
import org.sprintchain.chain.genesis.GenesisException;

/**
 * The golden vector of a whole sprint epoch, {@code golden/sprint/epoch-v1.json}: genesis (with the
 * sprint section and the genesis validator), then every block's proposer, hash, raw txs (hex), and
 * the expected tx codes, app hash and validator updates. The epoch: four workers (one registering
 * by tx), honest commits, reveals, audits and digests, except that worker 0 commits a made-up
 * digest and loses the dispute its auditor's report opens, at step L + 1; settlement at height 12
 * replaces the validator set. Any change to a sprint rule, the state layout or the hashing changes
 * an app hash here.
 *
 * <p>Such a change forks every chain and must be deliberate. To regenerate, run {@code mvn -pl
 * chain-app/core test -Dtest=SprintGoldenVectorTest -Dsprint.golden.regenerate=true}, review the
 * diff and say in the commit why the hashes moved.
 */
class SprintGoldenVectorTest {
  private static final Path FILE =
      Path.of("src", "test", "resources", "golden", "sprint", "epoch-v1.json");
  private static final HexFormat HEX = HexFormat.of();

  @Test
  void theEpochReplaysToTheRecordedHashes() throws IOException, GenesisException {
    if (Boolean.getBoolean("sprint.golden.regenerate")) {
      Files.writeString(
          FILE,
          JSON.writerWithDefaultPrettyPrinter().writeValueAsString(generate()) + "\n",
          StandardCharsets.UTF_8);
    }
    JsonNode vector = JSON.readTree(FILE.toFile());
    ChainApplication app = new ChainApplication(ChainTestData.newStore());
    app.initChain(
        new GenesisRequest(
            vector.get("chain_id").asText(),
            vector.get("initial_height").asLong(),
            SprintChain.bytes(vector.get("app_state")),
            List.of(SprintChain.genesisValidator())));
    int updates = 0;
    for (JsonNode block : vector.get("blocks")) {
      List<byte[]> txs = new ArrayList<>();
      block.get("txs").forEach(t -> txs.add(HEX.parseHex(t.asText())));
      BlockRequest request =
          new BlockRequest(
              block.get("height").asLong(),
              Address.parse(block.get("proposer").asText()),
              txs,
              HEX.parseHex(block.get("hash").asText()));
      ObjectNode actual = record(request, app.finalizeBlock(request));
      app.commit();
      assertEquals(block.toString(), actual.toString(), "block " + request.height());
      updates += block.get("validator_updates").size();
    }
    assertEquals(4, updates, "settlement adds the three honest workers, drops the genesis one");
  }

  static ObjectNode record(BlockRequest request, BlockResult result) {
    ObjectNode b = JSON.createObjectNode();
    b.put("height", request.height());
    b.put("proposer", request.proposer().toString());
    b.put("hash", HEX.formatHex(request.hash()));
    ArrayNode txs = b.putArray("txs");
    request.txs().forEach(t -> txs.add(HEX.formatHex(t)));
    ArrayNode codes = b.putArray("expected_codes");
    result.txResults().stream().map(TxResult::code).forEach(codes::add);
    b.put("expected_app_hash", HEX.formatHex(result.appHash()));
    ObjectNode updates = b.putObject("validator_updates");
    for (ValidatorUpdate u : result.validatorUpdates()) {
      updates.put(HEX.formatHex(u.pubKey()), u.power());
    }
    return b;
  }

  private static ObjectNode generate() {
    List<SimulatedWorker> workers = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      workers.add(new SimulatedWorker(i, 24));
    }
    ObjectNode appState =
        SprintChain.appState(SprintChain.params(), workers, workers.subList(0, 3));
    SprintChain chain = SprintChain.start(appState);
    chain.recorder = JSON.createArrayNode();
    chain.block();
    byte[] seed = chain.seed(0);
    SimulatedWorker newcomer = workers.get(3);
    chain.block(chain.tx(newcomer.key, SprintMsgs.register(newcomer.pubKey())));
    workers.forEach(w -> w.honest(seed, TARGET));
    SimulatedWorker cheater = workers.get(0);
    var forged = cheater.firstLoser(seed, TARGET);
    byte[] fake = new byte[32];
    fake[31] = 1;
    List<org.sprintchain.pocw.commit.WinnerLeaf> leaves =
        new ArrayList<>(cheater.winners(seed, TARGET).subList(0, 2));
    leaves.add(new org.sprintchain.pocw.commit.WinnerLeaf(forged.nonce(), fake));
    cheater.tree = org.sprintchain.pocw.commit.WinnerTree.of(leaves);
    chain.runThroughDigests(0, workers);
    var truth = ReferenceModel.trace(seed, cheater.pubKey(), forged.nonce());
    int last = ReferenceModel.MODEL.layers();
    int[] residual = ReferenceModel.residual(seed, cheater.pubKey(), forged.nonce(), last);
    List<byte[]> traces = new ArrayList<>();
    List<SimulatedWorker> auditors = new ArrayList<>();
    List<Long> ids = new ArrayList<>();
    for (JsonNode d : chain.query("/disputes").get("open")) {
      long id = d.get("id").asLong();
      SimulatedWorker auditor =
          workers.stream()
              .filter(w -> w.address().toString().equals(d.get("auditor").asText()))
              .findFirst()
              .orElseThrow();
      traces.add(chain.tx(cheater.key, SprintMsgs.trace(id, truth.layerHashes(), fake)));
      traces.add(chain.tx(auditor.key, SprintMsgs.trace(id, truth.layerHashes(), truth.digest())));
      auditors.add(auditor);
      ids.add(id);
    }
    chain.block(traces);
    List<byte[]> residuals = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      residuals.add(chain.tx(auditors.get(i).key, SprintMsgs.residual(ids.get(i), last, residual)));
    }
    chain.block(residuals);
    chain.runTo(chain.settleHeight(0));
    chain.block();
    ObjectNode vector = JSON.createObjectNode();
    vector.put(
        "description",
        "One sprint epoch (see SprintGoldenVectorTest): 4 workers, worker 0 forges a digest and"
            + " loses the dispute at step L+1; settlement at height 12; then block 13.");
    vector.put("chain_id", SprintChain.CHAIN_ID);
    vector.put("initial_height", 1);
    vector.set("app_state", appState);
    vector.set("blocks", chain.recorder);
    return vector;
  }
}
