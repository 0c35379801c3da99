package org.sprintchain.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CometRpcClientTest {
  private StubCometRpc stub;
  private CometRpcClient rpc;

  @BeforeEach
  void start() throws IOException {
    stub = new StubCometRpc();
    rpc = new CometRpcClient(stub.url(), Duration.ofSeconds(2));
  }

  @AfterEach
  void stop() {
    rpc.close();
    stub.close();
  }

  @Test
  void parsesStatus() {
    stub.result(
        "status",
        q ->
            """
            {"node_info":{"id":"abc","network":"sprint-x","moniker":"node0"},
             "sync_info":{"latest_block_height":"42","latest_app_hash":"AA11",
                          "latest_block_hash":"BB22","catching_up":false}}""");

    NodeStatus s = rpc.status();
    assertEquals(new NodeStatus("abc", "sprint-x", "node0", 42, "AA11", "BB22", false), s);
  }

  @Test
  void abciQueryWithProveReadsTheProofOpsAndTreatsNullBytesAsEmpty() {
    // CometBFT writes empty bytes as null: the value op of an absent key looks like this.
    stub.result(
        "abci_query",
        q ->
            """
            {"response":{"code":0,"key":null,"value":"e30=","height":"7","proofOps":{"ops":[
              {"type":"sprint/smt/v1","key":"AQI=","data":"AwQ="},
              {"type":"sprint/value/v1","key":"AQI=","data":null}]}}}""");

    AbciQueryResult r = rpc.abciQuery("/account/x", new byte[0], 5, true);
    assertEquals("abci_query?path=\"/account/x\"&height=5&prove=true", stub.requests.get(0));
    assertEquals(7, r.height());
    assertEquals(2, r.proofOps().size());
    assertEquals("sprint/smt/v1", r.proofOps().get(0).type());
    assertEquals(List.of((byte) 1, (byte) 2), boxed(r.proofOps().get(0).key()));
    assertEquals(List.of((byte) 3, (byte) 4), boxed(r.proofOps().get(0).data()));
    assertEquals(0, r.proofOps().get(1).data().length, "null data is empty, not base64 of 'null'");

    stub.result("abci_query", q -> "{\"response\":{\"code\":0,\"value\":null,\"height\":\"1\"}}");
    assertEquals(0, rpc.abciQuery("/x", new byte[0]).value().length);
  }

  @Test
  void headerReturnsTheHeaderObject() {
    stub.result("header", q -> "{\"header\":{\"height\":\"4\",\"app_hash\":\"AB\"}}");
    assertEquals("AB", rpc.header(4).path("app_hash").asText());
    assertEquals("header?height=4", stub.requests.get(0));
  }

  private static List<Byte> boxed(byte[] bytes) {
    List<Byte> out = new java.util.ArrayList<>();
    for (byte b : bytes) {
      out.add(b);
    }
    return out;
  }

  @Test
  void abciQuerySendsAQuotedPathAndDecodesTheValue() {
    String value = Base64.getEncoder().encodeToString("{\"x\":1}".getBytes(StandardCharsets.UTF_8));
    stub.result(
        "abci_query",
        q -> "{\"response\":{\"code\":0,\"value\":\"" + value + "\",\"height\":\"9\"}}");

    AbciQueryResult r = rpc.abciQuery("/account/spr1xyz", new byte[0]);
    assertEquals("{\"x\":1}", r.valueUtf8());
    assertEquals(9, r.height());
    assertEquals("abci_query?path=\"/account/spr1xyz\"", stub.requests.get(0));
  }

  @Test
  void broadcastSendsHexAndReadsCheckTx() {
    stub.result(
        "broadcast_tx_sync",
        q -> "{\"code\":5,\"log\":\"stale\",\"codespace\":\"sprint\",\"hash\":\"FF\"}");

    BroadcastResult r = rpc.broadcastTxSync(new byte[] {(byte) 0xAB, 0x01});
    assertEquals(new BroadcastResult("FF", 5, "sprint", "stale"), r);
    assertEquals("broadcast_tx_sync?tx=0xAB01", stub.requests.get(0));
  }

  @Test
  void txReadsResultAndEvents() {
    stub.result(
        "tx",
        q ->
            """
            {"hash":"abcd","height":"7","tx_result":{"code":0,"log":"",
              "events":[{"type":"transfer","attributes":[
                {"key":"sender","value":"spr1a","index":true},
                {"key":"amount","value":"5","index":true}]}]}}""");

    TxResult r = rpc.tx("ABCD").orElseThrow();
    assertEquals("ABCD", r.hash());
    assertEquals(7, r.height());
    assertTrue(r.ok());
    assertEquals("transfer", r.events().get(0).type());
    assertEquals(Optional.of("5"), r.events().get(0).attribute("amount"));
    assertEquals("tx?hash=0xABCD", stub.requests.get(0));
  }

  @Test
  void missingTxIsEmpty() {
    stub.error("tx", "Internal error", "tx (ABCD) not found");
    assertEquals(Optional.empty(), rpc.tx("abcd"));
  }

  @Test
  void jsonRpcErrorNamesMethodAndData() {
    stub.error("block", "Internal error", "height 99 must be less than or equal to 5");
    RpcException e = assertThrows(RpcException.class, () -> rpc.block(99));
    assertTrue(e.getMessage().contains("'block'"), e.getMessage());
    assertTrue(e.getMessage().contains("height 99"), e.getMessage());
  }

  @Test
  void nonJsonAnswerIsReported() {
    stub.raw("status", q -> "<html>proxy error</html>");
    RpcException e = assertThrows(RpcException.class, () -> rpc.status());
    assertTrue(e.getMessage().contains("not JSON"), e.getMessage());
  }

  @Test
  void unknownMethodIsReportedWithTheHttpStatus() {
    RpcException e = assertThrows(RpcException.class, () -> rpc.status());
    assertTrue(e.getMessage().contains("HTTP 404"), e.getMessage());
  }

  @Test
  void connectionRefusedSaysSoAndNamesTheUrl() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    try (CometRpcClient dead = new CometRpcClient(URI.create("http://127.0.0.1:" + port))) {
      RpcException e = assertThrows(RpcException.class, dead::status);
      assertTrue(e.getMessage().contains("connection refused"), e.getMessage());
      assertTrue(e.getMessage().contains("127.0.0.1:" + port), e.getMessage());
    }
  }

  @Test
  void slowAnswerTimesOut() throws IOException {
    try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        CometRpcClient client =
            new CometRpcClient(
                URI.create("http://127.0.0.1:" + silent.getLocalPort()), Duration.ofMillis(300))) {
      RpcException e = assertThrows(RpcException.class, client::status);
      assertTrue(e.getMessage().contains("did not answer 'status'"), e.getMessage());
    }
  }

  @Test
  void refusesNonHttpUrls() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new CometRpcClient(URI.create("tcp://127.0.0.1:26657")));
  }
}
