package org.sprintchain.genesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.sprintchain.chain.crypto.Address;
import org.sprintchain.chain.crypto.Ed25519;

class GenesisBuilderTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Address alice = key(1).address();
  private final Address bob = key(2).address();
  private final GenesisValidator validator = new GenesisValidator("node0", key(3).publicKey(), 10);

  @Test
  void setsChainIdValidatorsAndAppStateAndKeepsConsensusParams() throws IOException {
    String json =
        init()
            .chainId("sprint-test-1")
            .genesisTime(Instant.parse("2025-01-02T03:04:05Z"))
            .validators(List.of(validator))
            .addAccount(bob, 5)
            .addAccount(alice, 1_000)
            .params(new AppParams(2, 1024))
            .build();

    JsonNode doc = JSON.readTree(json);
    assertEquals("sprint-test-1", doc.get("chain_id").asText());
    assertEquals("2025-01-02T03:04:05Z", doc.get("genesis_time").asText());
    assertEquals("22020096", doc.at("/consensus_params/block/max_bytes").asText());
    JsonNode v = doc.get("validators").get(0);
    assertEquals(validator.cometAddress(), v.get("address").asText());
    assertEquals(GenesisValidator.PUB_KEY_TYPE, v.at("/pub_key/type").asText());
    assertEquals(validator.publicKeyBase64(), v.at("/pub_key/value").asText());
    assertEquals("10", v.get("power").asText());
    assertEquals(2, doc.at("/app_state/params/min_fee").asLong());
    assertTrue(doc.at("/app_state/params/max_tx_bytes").isIntegralNumber());
    JsonNode accounts = doc.at("/app_state/accounts");
    assertEquals(2, accounts.size());
    assertTrue(accounts.get(0).get("balance").isIntegralNumber(), "balances are JSON integers");
    // sorted by address bytes
    boolean aliceFirst = alice.compareTo(bob) < 0;
    assertEquals((aliceFirst ? alice : bob).toString(), accounts.get(0).get("address").asText());
  }

  @Test
  void builtGenesisReadsBackAndValidates() {
    String json = init().chainId("c").addAccount(alice, 7).build();

    GenesisBuilder again = GenesisBuilder.validate(json);
    assertEquals("c", again.chainId());
    assertEquals(List.of(new GenesisAccount(alice, 7)), again.accounts());
    assertEquals(1, again.validators().size(), "keeps the validator from cometbft init");
    assertEquals(json, again.build());
  }

  @Test
  void readsTheValidatorKeyThatCometBftWrites() throws Exception {
    Path file = Path.of(getClass().getResource("/priv_validator_key.json").toURI());
    GenesisValidator v = GenesisValidator.fromPrivValidatorKey(file, "node0", 10);
    assertEquals("CC8F8751C251ACD442E1CA434C9FF5C7D888BF1E", v.cometAddress());
  }

  @Test
  void writesAtomically(@TempDir Path dir) {
    Path file = dir.resolve("config/genesis.json");
    init().chainId("c").writeTo(file);
    assertEquals("c", GenesisBuilder.fromFile(file).chainId());
  }

  @Test
  void refusesBadChainIds() {
    assertField("chain_id", () -> init().chainId(""));
    assertField("chain_id", () -> init().chainId("x".repeat(51)));
    assertField("chain_id", () -> init().chainId("has space"));
  }

  @Test
  void refusesAnEmptyValidatorSet() {
    assertField("validators", () -> init().validators(List.of()).build());
  }

  @Test
  void refusesDuplicateValidatorsAndAccounts() {
    assertField("validators[1].pub_key", () -> init().validators(List.of(validator, validator)));
    assertField("app_state.accounts", () -> init().addAccount(alice, 1).addAccount(alice, 2));
  }

  @Test
  void refusesBadValuesNamingTheField() {
    assertField("validators.power", () -> new GenesisValidator("v", key(4).publicKey(), 0));
    assertField("validators.pub_key", () -> new GenesisValidator("v", new byte[31], 1));
    assertField("app_state.params.min_fee", () -> new AppParams(-1, 10));
    assertField("app_state.params.max_tx_bytes", () -> new AppParams(1, 0));
    assertTrue(
        assertThrows(GenesisException.class, () -> init().addAccount(alice, -5))
            .field()
            .endsWith(".balance"));
  }

  @Test
  void refusesATotalSupplyBeyondInt64() {
    GenesisBuilder b = init().chainId("c").addAccount(alice, Long.MAX_VALUE).addAccount(bob, 1);
    assertField("app_state.accounts", b::build);
  }

  @Test
  void parsingNamesTheBadFieldOfAFile() {
    String good = init().chainId("c").addAccount(alice, 7).build();
    assertField(
        "app_state.accounts[0].balance",
        () -> GenesisBuilder.fromJson(good.replace("\"balance\" : 7", "\"balance\" : 7.5")));
    assertField(
        "app_state.accounts[0].balance",
        () -> GenesisBuilder.fromJson(good.replace("\"balance\" : 7", "\"balance\" : \"7\"")));
    assertField(
        "app_state.accounts[0].address",
        () -> GenesisBuilder.fromJson(good.replace(alice.toString(), "cosmos1abc")));
    assertField(
        "validators[0].power",
        () -> GenesisBuilder.fromJson(good.replace("\"power\" : \"10\"", "\"power\" : \"-1\"")));
    assertField(
        "validators[0].address",
        () ->
            GenesisBuilder.fromJson(good.replace("\"address\" : \"CC8F", "\"address\" : \"0000")));
    assertField(
        "app_state.params",
        () -> GenesisBuilder.fromJson(good.replaceAll("\"params\" : \\{[^}]*},", "")));
    assertField("genesis.json", () -> GenesisBuilder.fromJson("{nope"));
  }

  @Test
  void validateRequiresAnAppState() {
    String raw = resource();
    assertFalse(GenesisBuilder.fromJson(raw).hasAppState());
    assertField("app_state", () -> GenesisBuilder.validate(raw));
  }

  private static void assertField(String field, Executable action) {
    GenesisException e = assertThrows(GenesisException.class, action);
    assertEquals(field, e.field(), e.getMessage());
  }

  private static GenesisBuilder init() {
    return GenesisBuilder.fromJson(resource());
  }

  private static String resource() {
    try (InputStream in =
        GenesisBuilderTest.class.getResourceAsStream("/cometbft-init-genesis.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Ed25519.KeyPair key(int b) {
    byte[] seed = new byte[32];
    seed[0] = (byte) b;
    return Ed25519.KeyPair.fromPrivateKey(seed);
  }
}
