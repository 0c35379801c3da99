package org.sprintchain.testnet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.protobuf.InvalidProtocolBufferException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sprintchain.chain.crypto.Address;
import org.sprintchain.chain.crypto.Ed25519;
import org.sprintchain.chain.tx.RejectReason;
import org.sprintchain.client.BroadcastResult;
import org.sprintchain.client.CometRpcClient;
import org.sprintchain.client.TxResult;
import org.sprintchain.client.TxSender;
import org.sprintchain.testnet.load.TransferTxSource;
import tendermint.abci.Request;

/**
 * Malformed input from every side a running chain can be reached, on a real 1-validator chain:
 * garbage on the app's ABCI socket, undecodable and oversized txs, replays, another chain's txs and
 * malformed RPC requests. Each must be refused with an error and change nothing; at the end the
 * balances are exactly those the valid txs explain, and blocks still come.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 4, unit = java.util.concurrent.TimeUnit.MINUTES)
class BadInputIntegrationTest {
  private static final Duration INCLUSION = Duration.ofSeconds(60);
  private static final int SOCKET_TIMEOUT_MILLIS = 10_000;

  @TempDir static Path dir;
  private static SingleNodeChain chain;
  private static LedgerModel model;
  private static Ed25519.KeyPair demo;
  private static Address recipient;
  private static Address validator;
  private static long minFee;

  @BeforeAll
  static void startChain() {
    chain = SingleNodeChain.start(dir);
    demo = chain.net().demoKey();
    recipient = TransferTxSource.accountKey("bad-input-it", 0).address();
    validator = chain.proposer(1);
    minFee = chain.queries().params().minFee();
    model = new LedgerModel();
    model.track(chain.queries(), demo.address());
    model.track(chain.queries(), recipient);
    model.track(chain.queries(), validator);
  }

  @AfterAll
  static void stopChain() {
    if (chain != null) {
      chain.close();
    }
  }

  @Test
  @Order(1)
  void garbageOnTheAbciSocketClosesThatConnectionAndNothingElse() throws IOException {
    long before = chain.height();
    // Random bytes; the peer half-closes so that a frame announcing more bytes than sent ends too.
    assertServerCloses(randomNonRequest(4_096), true);
    // A varint length of 2^32-1, far above the server's frame limit.
    assertServerCloses(
        new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x0F}, false);
    // A varint longer than ten bytes: no uint64 at all.
    byte[] overlong = new byte[12];
    Arrays.fill(overlong, (byte) 0xFF);
    assertServerCloses(overlong, false);
    // A valid length followed by bytes that are not protobuf (wire type 7).
    byte[] junk = new byte[17];
    Arrays.fill(junk, (byte) 0xFF);
    junk[0] = 16;
    assertServerCloses(junk, false);
    // A well-formed protobuf message that is no ABCI request (only an unknown field 1000).
    assertServerCloses(new byte[] {3, (byte) 0xC0, 0x3E, 0x01}, false);

    assertTrue(chain.node().diagnose().isEmpty(), "app and CometBFT still run");
    chain.awaitHeight(before + 3, Duration.ofSeconds(30));
  }

  @Test
  @Order(2)
  void randomTxBytesAreUndecodable() {
    Random random = new Random(7);
    for (int i = 0; i < 20; i++) {
      byte[] tx = new byte[1 + random.nextInt(300)];
      random.nextBytes(tx);
      BroadcastResult r = chain.rpc().broadcastTxSync(tx);
      assertEquals(RejectReason.UNDECODABLE.code(), r.code(), "random tx #" + i + ": " + r.log());
      assertEquals(RejectReason.CODESPACE, r.codespace());
    }
  }

  @Test
  @Order(3)
  void aReplayNeverExecutesTwice() {
    long seq = model.sequence(demo.address());
    byte[] tx = TxSender.signSend(demo, chain.chainId(), seq, recipient, 100, minFee);
    TxResult first = sendAndAwait(tx);
    model.transfer(demo.address(), recipient, 100, minFee, chain.proposer(first.height()));

    // The very same bytes again: CometBFT's cache or the app's sequence check refuses them.
    try {
      BroadcastResult again = chain.rpc().broadcastTxSync(tx);
      assertEquals(RejectReason.STALE_SEQUENCE.code(), again.code(), again.log());
    } catch (CometRpcClient.JsonRpcErrorException e) {
      assertTrue(e.getMessage().contains("tx already exists in cache"), e.getMessage());
    }
    // The same sequence re-signed over another body: new bytes, stale sequence.
    byte[] resigned = TxSender.signSend(demo, chain.chainId(), seq, recipient, 101, minFee);
    BroadcastResult r = chain.rpc().broadcastTxSync(resigned);
    assertEquals(RejectReason.STALE_SEQUENCE.code(), r.code(), r.log());
    // A sequence from the future is refused too, and must not be kept for later.
    byte[] future = TxSender.signSend(demo, chain.chainId(), seq + 5, recipient, 102, minFee);
    assertEquals(RejectReason.FUTURE_SEQUENCE.code(), chain.rpc().broadcastTxSync(future).code());
  }

  @Test
  @Order(4)
  void aTxForAnotherChainIsRefused() {
    long seq = model.sequence(demo.address());
    byte[] tx = TxSender.signSend(demo, "some-other-chain", seq, recipient, 100, minFee);
    BroadcastResult r = chain.rpc().broadcastTxSync(tx);
    assertEquals(RejectReason.WRONG_CHAIN_ID.code(), r.code(), r.log());
  }

  @Test
  @Order(5)
  void oversizedTxsAreRefused() throws Exception {
    long maxTxBytes = chain.queries().params().maxTxBytes();
    byte[] big = new byte[(int) maxTxBytes + 1];
    new Random(11).nextBytes(big);
    BroadcastResult r = chain.rpc().broadcastTxSync(big);
    assertEquals(RejectReason.OVERSIZED.code(), r.code(), r.log());

    // Beyond CometBFT's own limits (mempool max_tx_bytes 1 MiB, RPC max_body_bytes 1 MB): the RPC
    // refuses it before the app sees it.
    byte[] huge = new byte[1_100_000];
    try (RawRpc raw = new RawRpc(chain.node().rpcUrl())) {
      RawRpc.Answer a =
          raw.post(
              "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"broadcast_tx_sync\",\"params\":{\"tx\":\""
                  + Base64.getEncoder().encodeToString(huge)
                  + "\"}}");
      assertFalse(
          a.status() == 200 && a.body().path("result").path("code").asInt(-1) == 0,
          "a 1.1 MB tx must not be accepted: " + a);
    } catch (IOException e) {
      // the server may also just hang up on a body that large
    }
  }

  @Test
  @Order(6)
  void malformedRpcRequestsGetErrors() throws Exception {
    try (RawRpc raw = new RawRpc(chain.node().rpcUrl())) {
      RawRpc.Answer badJson = raw.post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":");
      assertTrue(badJson.isJsonRpcError(), "bad JSON: " + badJson);
      assertEquals(-32700, badJson.body().path("error").path("code").asInt());

      RawRpc.Answer noMethod =
          raw.post("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"no_such_method\",\"params\":{}}");
      assertTrue(noMethod.isJsonRpcError(), "unknown method: " + noMethod);
      assertEquals(-32601, noMethod.body().path("error").path("code").asInt());

      RawRpc.Answer badParams =
          raw.post(
              "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"broadcast_tx_sync\","
                  + "\"params\":{\"tx\":12345}}");
      assertTrue(badParams.isJsonRpcError(), "tx as a number: " + badParams);

      RawRpc.Answer notBase64 =
          raw.post(
              "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"broadcast_tx_sync\","
                  + "\"params\":{\"tx\":\"!!not base64!!\"}}");
      assertTrue(notBase64.isJsonRpcError(), "tx not base64: " + notBase64);

      assertTrue(raw.get("block?height=abc").isJsonRpcError(), "height not a number");
      assertTrue(raw.get("block?height=-5").isJsonRpcError(), "negative height");
      assertTrue(raw.get("tx?hash=0xZZ").isJsonRpcError(), "hash not hex");
      assertTrue(raw.get("broadcast_tx_sync?tx=notquoted").isJsonRpcError(), "unquoted tx");

      RawRpc.Answer badAddress = raw.get("abci_query?path=%22/account/spr1notanaddress%22");
      assertNotEquals(
          0,
          badAddress.body().path("result").path("response").path("code").asInt(0),
          "" + badAddress);
      RawRpc.Answer badPath = raw.get("abci_query?path=%22/no/such/path%22");
      assertNotEquals(
          0, badPath.body().path("result").path("response").path("code").asInt(0), "" + badPath);
    }
    assertTrue(chain.node().diagnose().isEmpty(), "app and CometBFT still run");
  }

  @Test
  @Order(7)
  void afterAllOfItOnlyTheValidTxsChangedStateAndBlocksKeepComing() {
    long height = chain.height();
    // Anything refused that still sat in a mempool would show up within a few blocks.
    chain.awaitHeight(height + 4, Duration.ofSeconds(30));
    model.assertMatches(chain.queries());
    // A fresh valid tx still goes through after all the garbage.
    long seq = model.sequence(demo.address());
    TxResult r = sendAndAwait(TxSender.signSend(demo, chain.chainId(), seq, recipient, 7, minFee));
    model.transfer(demo.address(), recipient, 7, minFee, chain.proposer(r.height()));
    model.assertMatches(chain.queries());
    chain.awaitHeight(chain.height() + 2, Duration.ofSeconds(30));
    assertTrue(chain.node().diagnose().isEmpty(), "app and CometBFT still run");
  }

  private static TxResult sendAndAwait(byte[] tx) {
    BroadcastResult r = chain.rpc().broadcastTxSync(tx);
    assertEquals(0, r.code(), r.log());
    TxResult result = new TxSender(chain.rpc(), INCLUSION).awaitInclusion(r.hash(), INCLUSION);
    assertTrue(result.ok(), result.log());
    return result;
  }

  /** Sends {@code bytes} on a fresh ABCI connection and expects the app to close it. */
  private static void assertServerCloses(byte[] bytes, boolean halfClose) throws IOException {
    try (Socket s = new Socket()) {
      s.connect(
          new InetSocketAddress("127.0.0.1", chain.node().ports().abci()), SOCKET_TIMEOUT_MILLIS);
      s.setSoTimeout(SOCKET_TIMEOUT_MILLIS);
      OutputStream out = s.getOutputStream();
      out.write(bytes);
      out.flush();
      if (halfClose) {
        s.shutdownOutput();
      }
      InputStream in = s.getInputStream();
      try {
        // The app answers nothing to garbage: the first thing we read must be the end.
        assertEquals(-1, in.read(), "the app answered garbage instead of closing");
      } catch (SocketTimeoutException e) {
        fail("the app kept a connection open after " + bytes.length + " bytes of garbage");
      } catch (SocketException e) {
        // reset by the peer: closed as well
      }
    }
  }

  /** Seeded random bytes whose first frame is not an ABCI request that the app would execute. */
  private static byte[] randomNonRequest(int length) throws IOException {
    for (long seed = 1; ; seed++) {
      byte[] bytes = new byte[length];
      new Random(seed).nextBytes(bytes);
      if (!startsWithRequest(bytes)) {
        return bytes;
      }
    }
  }

  private static boolean startsWithRequest(byte[] bytes) throws IOException {
    InputStream in = new ByteArrayInputStream(bytes);
    long len = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      int b = in.read();
      if (b < 0) {
        return false;
      }
      len |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        break;
      }
    }
    if (len < 0 || len > in.available()) {
      return false;
    }
    try {
      return Request.parseFrom(in.readNBytes((int) len)).getValueCase()
          != Request.ValueCase.VALUE_NOT_SET;
    } catch (InvalidProtocolBufferException e) {
      return false;
    }
  }
}
