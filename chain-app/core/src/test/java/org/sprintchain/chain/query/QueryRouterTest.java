package org.sprintchain.chain.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sprintchain.chain.ChainTestData.address;
import static org.sprintchain.chain.ChainTestData.commitBlock;
import static org.sprintchain.chain.ChainTestData.send;
import static org.sprintchain.chain.ChainTestData.startedChain;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.sprintchain.chain.ChainApplication;

class QueryRouterTest {
  private static String text(QueryResult result) {
    assertEquals(0, result.code(), result.log());
    return new String(result.value(), StandardCharsets.UTF_8);
  }

  @Test
  void accountOfKnownAndUnknownAddresses() {
    ChainApplication app = startedChain(1000);
    commitBlock(app, 0);
    assertEquals(
        "{\"address\":\"" + address(0) + "\",\"balance\":1000,\"sequence\":0}",
        text(app.query("/account/" + address(0), 0)));
    assertEquals(
        "{\"address\":\"" + address(7) + "\",\"balance\":0,\"sequence\":0}",
        text(app.query("/account/" + address(7), 0)));
  }

  @Test
  void badAddressAndUnknownPathGetCodes() {
    ChainApplication app = startedChain(1000);
    commitBlock(app, 0);
    QueryResult bad = app.query("/account/spr1notanaddress", 0);
    assertEquals(QueryError.BAD_ADDRESS.code(), bad.code());
    assertTrue(bad.log().contains("spr1notanaddress"), bad.log());
    assertEquals(0, bad.value().length);
    QueryResult unknown = app.query("/blocks", 0);
    assertEquals(QueryError.UNKNOWN_PATH.code(), unknown.code());
    assertTrue(unknown.log().contains("/blocks"));
    QueryResult noSprints = app.query("/validators", 0);
    assertEquals(QueryError.BAD_ARGUMENT.code(), noSprints.code());
    assertTrue(noSprints.log().contains("this chain has no sprints"), noSprints.log());
  }

  @Test
  void paramsAndStatus() {
    ChainApplication app = startedChain(1000);
    assertEquals(QueryError.NOT_INITIALIZED.code(), app.query("/params", 0).code());
    assertEquals(
        "{\"chain_id\":\"\",\"height\":0,\"app_hash\":\"\"}", text(app.query("/status", 0)));
    commitBlock(app, 0);
    assertEquals("{\"min_fee\":1,\"max_tx_bytes\":65536}", text(app.query("/params", 0)));
    String hash = HexFormat.of().withUpperCase().formatHex(app.info().appHash());
    assertEquals(
        "{\"chain_id\":\"sprint-test\",\"height\":1,\"app_hash\":\"" + hash + "\"}",
        text(app.query("/status", 0)));
  }

  @Test
  void pastHeightsReadTheirVersion() {
    ChainApplication app = startedChain(1000);
    commitBlock(app, 0);
    String hashAt1 = HexFormat.of().withUpperCase().formatHex(app.info().appHash());
    commitBlock(app, 0, send(0, 0, 5, 1, 100));
    QueryResult old = app.query("/account/" + address(1), 1);
    assertEquals(1, old.height());
    assertTrue(text(old).contains("\"balance\":0,"));
    assertTrue(text(app.query("/account/" + address(1), 2)).contains("\"balance\":100,"));
    assertTrue(text(app.query("/status", 1)).contains("\"height\":1,\"app_hash\":\"" + hashAt1));
    assertEquals(2, app.query("/status", 0).height());
  }

  @Test
  void futureOrNegativeHeightIsNotAvailable() {
    ChainApplication app = startedChain(1000);
    commitBlock(app, 0);
    assertEquals(QueryError.HEIGHT_NOT_AVAILABLE.code(), app.query("/params", 5).code());
    assertEquals(QueryError.HEIGHT_NOT_AVAILABLE.code(), app.query("/params", -1).code());
  }
}
