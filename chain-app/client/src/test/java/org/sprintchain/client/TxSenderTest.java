package org.sprintchain.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.sprintchain.chain.crypto.Address;
import org.sprintchain.chain.crypto.Ed25519;
import org.sprintchain.chain.tx.Transaction;
import org.sprintchain.chain.tx.TxDecoder;
import org.sprintchain.chain.tx.TxRejectedException;
import org.sprintchain.proto.tx.v1.MsgSend;
import org.sprintchain.proto.tx.v1.SignedTx;
import org.sprintchain.proto.tx.v1.TxBody;

class TxSenderTest {
  private final Ed25519.KeyPair alice = Ed25519.KeyPair.fromPrivateKey(seed(1));
  private final Address bob = Ed25519.KeyPair.fromPrivateKey(seed(2)).address();

  @Test
  void signedSendDecodesWithTheChainRules() throws TxRejectedException {
    byte[] raw = TxSender.signSend(alice, "sprint-test", 7, bob, 500, 3);

    Transaction tx = new TxDecoder(65_536).decode(raw);
    assertEquals(alice.address(), tx.signer());
    assertEquals("sprint-test", tx.body().getChainId());
    assertEquals(7, tx.body().getSequence());
    assertEquals(3, tx.body().getFee());
    MsgSend send = tx.body().getMsgs(0).getSend();
    assertArrayEquals(bob.toBytes(), send.getTo().toByteArray());
    assertEquals(500, send.getAmount());
  }

  @Test
  void refusesNonPositiveAmountsAndNegativeFees() {
    assertThrows(IllegalArgumentException.class, () -> TxSender.signSend(alice, "c", 0, bob, 0, 1));
    assertThrows(
        IllegalArgumentException.class, () -> TxSender.signSend(alice, "c", 0, bob, 1, -1));
  }

  @Test
  void sendUsesAccountSequenceAndWaitsForTheBlock() throws IOException {
    AtomicInteger txPolls = new AtomicInteger();
    try (StubCometRpc stub = new StubCometRpc();
        CometRpcClient rpc = new CometRpcClient(stub.url())) {
      stub.result("status", q -> "{\"node_info\":{\"network\":\"sprint-t\"},\"sync_info\":{}}")
          .result(
              "abci_query",
              q ->
                  "{\"response\":{\"code\":0,\"value\":\""
                      + base64(
                          "{\"address\":\""
                              + alice.address()
                              + "\",\"balance\":100,\"sequence\":3}")
                      + "\"}}")
          .result("broadcast_tx_sync", q -> "{\"code\":0,\"hash\":\"AB12\"}");
      stub.raw(
          "tx",
          q ->
              txPolls.incrementAndGet() < 3
                  ? "{\"error\":{\"message\":\"Internal error\",\"data\":\"tx (AB12) not found\"}}"
                  : "{\"result\":{\"hash\":\"AB12\",\"height\":\"12\",\"tx_result\":"
                      + "{\"code\":0,\"log\":\"\"}}}");

      TxOutcome outcome = new TxSender(rpc).send(alice, bob, 10, 1);

      assertTrue(outcome.ok());
      assertEquals(new TxOutcome("AB12", 12, 0, "", "", true, List.of()), outcome);
      String broadcast =
          stub.requests.stream().filter(r -> r.startsWith("broadcast")).findFirst().orElseThrow();
      byte[] raw = HexFormat.of().parseHex(broadcast.substring("broadcast_tx_sync?tx=0x".length()));
      assertEquals(3, TxBody.parseFrom(SignedTx.parseFrom(raw).getBody()).getSequence());
      assertEquals("sprint-t", TxBody.parseFrom(SignedTx.parseFrom(raw).getBody()).getChainId());
      assertEquals(3, txPolls.get());
    }
  }

  @Test
  void mempoolRefusalComesBackWithoutHeight() throws IOException {
    try (StubCometRpc stub = new StubCometRpc();
        CometRpcClient rpc = new CometRpcClient(stub.url())) {
      stub.result(
          "broadcast_tx_sync",
          q -> "{\"code\":9,\"codespace\":\"sprint\",\"log\":\"fee too low\",\"hash\":\"CD\"}");

      TxOutcome outcome = new TxSender(rpc).submit(new byte[] {1});

      assertFalse(outcome.included());
      assertFalse(outcome.ok());
      assertEquals(9, outcome.code());
      assertEquals("fee too low", outcome.log());
      assertTrue(stub.requests.stream().noneMatch(r -> r.startsWith("tx?")));
    }
  }

  @Test
  void inclusionTimeoutSaysSo() throws IOException {
    try (StubCometRpc stub = new StubCometRpc();
        CometRpcClient rpc = new CometRpcClient(stub.url())) {
      stub.error("tx", "Internal error", "tx (EE) not found");
      RpcException e =
          assertThrows(
              RpcException.class,
              () -> new TxSender(rpc).awaitInclusion("EE", Duration.ofMillis(300)));
      assertTrue(e.getMessage().contains("not in a block"), e.getMessage());
    }
  }

  private static String base64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] seed(int b) {
    byte[] s = new byte[32];
    s[0] = (byte) b;
    return s;
  }
}
