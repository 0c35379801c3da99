package org.sprintchain.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.sprintchain.chain.exec.TxResult;
import org.sprintchain.chain.genesis.GenesisException;
import org.sprintchain.chain.tx.TxSigner;
import org.sprintchain.proto.tx.v1.TxBody;

/**
 * Golden vectors of the state transition: each JSON file under {@code src/test/resources/golden}
 * holds a genesis {@code app_state}, blocks of txs (signed here with the fixed keys of {@link
 * ChainTestData#key(int)}: ed25519 seed = SHA-256 of ASCII {@code "key-<n>"}; ed25519 signatures
 * are deterministic), and the app hash expected after InitChain and after every block, together
 * with each tx's result code. Any change to the state encoding, the key layout, the tx rules or the
 * store's hashing changes a hash and fails this test.
 *
 * <p>Such a change must be deliberate (it forks every existing chain). To regenerate, run {@code
 * mvn -pl chain-app/core test -Dtest=GoldenVectorTest -Dsprint.golden.regenerate=true}, which
 * rewrites the expected values in the source files, then review the diff and say in the commit why
 * the hashes moved.
 */
class GoldenVectorTest {
  private static final Path DIR = Path.of("src", "test", "resources", "golden");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HexFormat HEX = HexFormat.of().withUpperCase();

  @TestFactory
  Stream<DynamicTest> goldenVectors() throws IOException {
    List<Path> files;
    try (Stream<Path> list = Files.list(DIR)) {
      files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertEquals(false, files.isEmpty(), "no golden vectors under " + DIR.toAbsolutePath());
    return files.stream()
        .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> run(file)));
  }

  private static void run(Path file) throws IOException, GenesisException {
    ObjectNode vector = (ObjectNode) JSON.readTree(file.toFile());
    boolean regenerate = Boolean.getBoolean("sprint.golden.regenerate");
    ChainApplication app = new ChainApplication(ChainTestData.newStore());
    byte[] appState = JSON.writeValueAsBytes(vector.get("app_state"));
    byte[] genesisHash =
        app.initChain(
            new GenesisRequest(
                vector.get("chain_id").asText(), vector.get("initial_height").asLong(), appState));
    check(vector, "expected_genesis_app_hash", HEX.formatHex(genesisHash), regenerate);

    String chainId = vector.get("chain_id").asText();
    for (JsonNode blockNode : vector.get("blocks")) {
      ObjectNode block = (ObjectNode) blockNode;
      List<byte[]> txs = new ArrayList<>();
      for (JsonNode tx : block.get("txs")) {
        txs.add(buildTx(chainId, tx));
      }
      long height = block.get("height").asLong();
      BlockResult result =
          app.finalizeBlock(
              new BlockRequest(
                  height, ChainTestData.address(block.get("proposer_key").asInt()), txs));
      app.commit();
      ArrayNode codes = JSON.createArrayNode();
      result.txResults().stream().map(TxResult::code).forEach(codes::add);
      if (regenerate) {
        block.set("expected_codes", codes);
      } else {
        assertEquals(block.get("expected_codes"), codes, "codes of block " + height);
      }
      check(block, "expected_app_hash", HEX.formatHex(result.appHash()), regenerate);
    }
    if (regenerate) {
      Files.writeString(
          file,
          JSON.writerWithDefaultPrettyPrinter().writeValueAsString(vector) + "\n",
          StandardCharsets.UTF_8);
    }
  }

  private static void check(ObjectNode node, String field, String actual, boolean regenerate) {
    if (regenerate) {
      node.put(field, actual);
    } else {
      assertEquals(node.get(field).asText(), actual, field);
    }
  }

  /** {@code {"raw_hex":..}} verbatim, or a tx signed by {@code from_key} with its sends. */
  private static byte[] buildTx(String chainId, JsonNode tx) {
    if (tx.has("raw_hex")) {
      return HexFormat.of().parseHex(tx.get("raw_hex").asText());
    }
    TxBody.Builder body =
        TxBody.newBuilder()
            .setChainId(tx.has("chain_id") ? tx.get("chain_id").asText() : chainId)
            .setSequence(tx.get("sequence").asLong())
            .setFee(tx.get("fee").asLong());
    for (JsonNode send : tx.get("sends")) {
      body.addMsgs(
          ChainTestData.sendMsg(
              ChainTestData.address(send.get("to_key").asInt()), send.get("amount").asLong()));
    }
    return TxSigner.sign(ChainTestData.key(tx.get("from_key").asInt()), body.build());
  }
}
