package org.sprintchain.chain.genesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.sprintchain.chain.ChainTestData;
import org.sprintchain.chain.state.Params;

class GenesisParserTest {
  private static String account(String address, String balance) {
    return "{\"address\":\"" + address + "\",\"balance\":" + balance + "}";
  }

  private static String doc(String params, String... accounts) {
    return "{\"params\":" + params + ",\"accounts\":[" + String.join(",", accounts) + "]}";
  }

  private static final String PARAMS = "{\"min_fee\":1,\"max_tx_bytes\":65536}";

  private static String refusal(String json) {
    return assertThrows(
            GenesisException.class,
            () -> GenesisParser.parse(json.getBytes(StandardCharsets.UTF_8)))
        .getMessage();
  }

  private static String addr(int n) {
    return ChainTestData.address(n).toString();
  }

  @Test
  void parsesTheDocumentedShape() throws GenesisException {
    GenesisState state =
        GenesisParser.parse(
            doc(PARAMS, account(addr(0), "1000000000"), account(addr(1), "0"))
                .getBytes(StandardCharsets.UTF_8));
    assertEquals(new Params(1, 65536), state.params());
    assertEquals(2, state.accounts().size());
    assertEquals(ChainTestData.address(0), state.accounts().get(0).address());
    assertEquals(1_000_000_000L, state.totalSupply());
  }

  @Test
  void refusesABadChecksumNamingTheEntry() {
    String good = addr(2);
    char last = good.charAt(good.length() - 1);
    String bad = good.substring(0, good.length() - 1) + (last == 'q' ? 'p' : 'q');
    assertEquals(
        "app_state.accounts[2].address: bad bech32 checksum",
        refusal(doc(PARAMS, account(addr(0), "1"), account(addr(1), "1"), account(bad, "1"))));
  }

  @Test
  void refusesAnotherPrefix() {
    String cosmos = org.sprintchain.chain.crypto.Bech32.encode("cosmos", new byte[20]);
    assertEquals(
        "app_state.accounts[0].address: address must start with 'spr1', got prefix 'cosmos'",
        refusal(doc(PARAMS, account(cosmos, "1"))));
  }

  @Test
  void refusesDuplicateAddresses() {
    assertEquals(
        "app_state.accounts[2].address: duplicate of accounts[0]",
        refusal(doc(PARAMS, account(addr(0), "1"), account(addr(1), "1"), account(addr(0), "1"))));
  }

  @Test
  void refusesNegativeAndNonIntegerBalances() {
    assertEquals(
        "app_state.accounts[0].balance: must be non-negative, got -5",
        refusal(doc(PARAMS, account(addr(0), "-5"))));
    assertEquals(
        "app_state.accounts[0].balance: must be a JSON integer",
        refusal(doc(PARAMS, account(addr(0), "1.5"))));
    assertEquals(
        "app_state.accounts[0].balance: must be a JSON integer",
        refusal(doc(PARAMS, account(addr(0), "\"7\""))));
    assertEquals(
        "app_state.accounts[0].balance: does not fit in int64",
        refusal(doc(PARAMS, account(addr(0), "9223372036854775808"))));
  }

  @Test
  void refusesTotalSupplyOverflow() {
    assertEquals(
        "app_state.accounts[1].balance: total supply overflows int64",
        refusal(doc(PARAMS, account(addr(0), "9223372036854775807"), account(addr(1), "1"))));
  }

  @Test
  void refusesUnknownAndMissingFields() {
    assertEquals(
        "app_state.extra: unknown field",
        refusal("{\"params\":" + PARAMS + ",\"accounts\":[],\"extra\":1}"));
    assertEquals("app_state.accounts: missing", refusal("{\"params\":" + PARAMS + "}"));
    assertEquals(
        "app_state.params.gas: unknown field",
        refusal(doc("{\"min_fee\":1,\"max_tx_bytes\":10,\"gas\":1}")));
    assertEquals("app_state.params.max_tx_bytes: missing", refusal(doc("{\"min_fee\":1}")));
    assertEquals(
        "app_state.accounts[0].nonce: unknown field",
        refusal(doc(PARAMS, "{\"address\":\"" + addr(0) + "\",\"balance\":1,\"nonce\":0}")));
  }

  @Test
  void refusesBadParams() {
    assertEquals(
        "app_state.params.max_tx_bytes: must be between 1 and 104857600",
        refusal(doc("{\"min_fee\":1,\"max_tx_bytes\":0}")));
    assertEquals(
        "app_state.params.min_fee: must be non-negative, got -1",
        refusal(doc("{\"min_fee\":-1,\"max_tx_bytes\":10}")));
  }

  @Test
  void refusesMalformedDocuments() {
    assertEquals("app_state: missing (genesis.json needs an app_state object)", refusal(""));
    assertEquals("app_state: must be an object", refusal("[]"));
    assertEquals("app_state.accounts: must be an array", refusal(doc(PARAMS).replace("[]", "{}")));
    refusal("{\"params\":" + PARAMS + ",\"params\":" + PARAMS + ",\"accounts\":[]}");
    refusal(doc(PARAMS) + " {}");
    refusal("{not json");
  }
}
