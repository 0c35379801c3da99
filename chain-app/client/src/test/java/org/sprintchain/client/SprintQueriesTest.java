package org.sprintchain.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sprintchain.chain.crypto.Address;

class SprintQueriesTest {
  private StubCometRpc stub;
  private CometRpcClient rpc;

  @BeforeEach
  void start() throws IOException {
    stub = new StubCometRpc();
    rpc = new CometRpcClient(stub.url());
  }

  @AfterEach
  void stop() {
    rpc.close();
    stub.close();
  }

  private void answer(int code, String log, String json) {
    String value = Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    stub.result(
        "abci_query",
        q ->
            "{\"response\":{\"code\":"
                + code
                + ",\"log\":\""
                + log
                + "\",\"value\":\""
                + value
                + "\",\"height\":\"3\"}}");
  }

  @Test
  void eachMethodAsksItsPath() {
    answer(0, "", "{\"epoch\":2}");
    SprintQueries q = new SprintQueries(rpc);
    Address w = Address.fromPublicKey(new byte[32]);
    assertEquals(2, q.current().path("epoch").asLong());
    q.params();
    q.epoch(4);
    q.workerInEpoch(4, w);
    q.audits(4, w);
    q.worker(w);
    q.validators();
    q.disputes();
    q.dispute(9);
    assertEquals(
        java.util.List.of(
            "/sprint/current",
            "/sprint/params",
            "/sprint/4",
            "/sprint/4/" + w,
            "/sprint/4/audits/" + w,
            "/worker/" + w,
            "/validators",
            "/disputes",
            "/dispute/9"),
        stub.requests.stream()
            .map(r -> r.substring(r.indexOf('"') + 1, r.lastIndexOf('"')))
            .toList());
  }

  @Test
  void aChainWithoutSprintsIsToldApartFromOtherRefusals() {
    answer(105, SprintQueries.NO_SPRINTS_LOG, "");
    RpcException none = assertThrows(RpcException.class, () -> new SprintQueries(rpc).current());
    assertTrue(SprintQueries.isNoSprints(none), none.getMessage());

    answer(105, "no dispute 7", "");
    RpcException other = assertThrows(RpcException.class, () -> new SprintQueries(rpc).dispute(7));
    assertFalse(SprintQueries.isNoSprints(other));
    assertTrue(other.getMessage().contains("no dispute 7"), other.getMessage());
    assertFalse(SprintQueries.isNoSprints(new RpcException("connection refused")));
  }

  @Test
  void anAnswerThatIsNoJsonObjectIsRefused() {
    answer(0, "", "");
    RpcException e = assertThrows(RpcException.class, () -> new SprintQueries(rpc).current());
    assertTrue(e.getMessage().contains("no JSON object"), e.getMessage());
    assertFalse(SprintQueries.isNoSprints(e));
  }

  @Test
  void negativeNumbersAreRefusedBeforeAsking() {
    assertThrows(IllegalArgumentException.class, () -> new SprintQueries(rpc).epoch(-1));
    assertTrue(stub.requests.isEmpty());
  }
}
