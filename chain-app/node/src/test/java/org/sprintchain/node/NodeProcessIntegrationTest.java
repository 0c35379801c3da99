package org.sprintchain.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sprintchain.chain.crypto.Ed25519;
import org.sprintchain.chain.crypto.Hashes;
import tendermint.abci.Request;
import tendermint.abci.RequestCommit;
import tendermint.abci.RequestFinalizeBlock;
import tendermint.abci.RequestFlush;
import tendermint.abci.RequestInfo;
import tendermint.abci.RequestInitChain;
import tendermint.abci.RequestQuery;
import tendermint.abci.Response;
import tendermint.abci.ResponseInfo;

/**
 * The real node process: NodeMain over RocksDB behind the ABCI socket, killed with SIGKILL at the
 * worst moments and stopped with SIGTERM, as CometBFT would see it.
 */
class NodeProcessIntegrationTest {
  private static final Ed25519.KeyPair ALICE =
      Ed25519.KeyPair.fromPrivateKey(Hashes.sha256("alice".getBytes(StandardCharsets.UTF_8)));

  @TempDir Path home;

  private int port;

  private Process start() throws IOException, InterruptedException {
    Path log = home.resolve("node-" + System.nanoTime() + ".log");
    Process node =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                NodeMain.class.getName(),
                "--home",
                home.toString(),
                "--abci",
                "tcp://127.0.0.1:" + port)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(deadline)) {
      try (Socket probe = new Socket()) {
        probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return node;
      } catch (IOException notYet) {
        assertTrue(node.isAlive(), () -> "node exited early:\n" + read(log));
        Thread.sleep(100);
      }
    }
    throw new AssertionError("node did not listen within 30 s:\n" + read(log));
  }

  private static String read(Path log) {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  /** One ABCI connection: each call writes the request and a Flush, then reads both answers. */
  private static final class Client implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    Client(int port) throws IOException {
      socket = new Socket("127.0.0.1", port);
      out = socket.getOutputStream();
      in = socket.getInputStream();
    }

    Response call(Request request) throws IOException {
      request.writeDelimitedTo(out);
      Request.newBuilder()
          .setFlush(RequestFlush.getDefaultInstance())
          .build()
          .writeDelimitedTo(out);
      out.flush();
      Response response = Response.parseDelimitedFrom(in);
      Response flush = Response.parseDelimitedFrom(in);
      assertTrue(flush.hasFlush(), "flush answered");
      assertFalse(response.hasException(), () -> response.getException().getError());
      return response;
    }

    ResponseInfo info() throws IOException {
      return call(Request.newBuilder().setInfo(RequestInfo.getDefaultInstance()).build()).getInfo();
    }

    ByteString finalizeBlock(long height) throws IOException {
      return call(Request.newBuilder()
              .setFinalizeBlock(
                  RequestFinalizeBlock.newBuilder()
                      .setHeight(height)
                      .setProposerAddress(ByteString.copyFrom(ALICE.address().toBytes())))
              .build())
          .getFinalizeBlock()
          .getAppHash();
    }

    void commit() throws IOException {
      call(Request.newBuilder().setCommit(RequestCommit.getDefaultInstance()).build());
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }

  @Test
  void survivesKillNineAndStopsCleanlyOnSigterm() throws Exception {
    port = freePortBelowEphemeralRange();
    String appState =
        "{\"params\":{\"min_fee\":1,\"max_tx_bytes\":65536},\"accounts\":[{\"address\":\""
            + ALICE.address()
            + "\",\"balance\":1000}]}";

    Process node = start();
    ByteString hashAt2;
    try (Client abci = new Client(port)) {
      assertEquals(0, abci.info().getLastBlockHeight());
      abci.call(
          Request.newBuilder()
              .setInitChain(
                  RequestInitChain.newBuilder()
                      .setChainId("sprint-it")
                      .setInitialHeight(1)
                      .setAppStateBytes(ByteString.copyFromUtf8(appState)))
              .build());
      abci.finalizeBlock(1);
      abci.commit();
      hashAt2 = abci.finalizeBlock(2);
      abci.commit();
      abci.finalizeBlock(3); // staged, never committed
    }
    node.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

    node = start();
    try (Client abci = new Client(port)) {
      ResponseInfo info = abci.info();
      assertEquals(2, info.getLastBlockHeight(), "block 3 was never committed");
      assertEquals(hashAt2, info.getLastBlockAppHash());
      Response status =
          abci.call(
              Request.newBuilder()
                  .setQuery(RequestQuery.newBuilder().setPath("/account/" + ALICE.address()))
                  .build());
      assertEquals(
          "{\"address\":\"" + ALICE.address() + "\",\"balance\":1000,\"sequence\":0}",
          status.getQuery().getValue().toStringUtf8());
    }
    node.destroy(); // SIGTERM
    assertTrue(node.waitFor(30, TimeUnit.SECONDS));
    assertTrue(Files.isDirectory(home.resolve("data")));
    List<String> logs;
    try (var files = Files.list(home)) {
      logs =
          files
              .filter(p -> p.toString().endsWith(".log"))
              .sorted()
              .map(NodeProcessIntegrationTest::read)
              .toList();
    }
    assertTrue(logs.get(logs.size() - 1).contains("Stopped cleanly"), logs.get(logs.size() - 1));
  }

  /**
   * A free port below Linux's ephemeral range (32768+), where an outgoing connection could take a
   * port between our check and the node's bind.
   */
  private static int freePortBelowEphemeralRange() throws IOException {
    int start = 19_000 + (int) (ProcessHandle.current().pid() % 200) * 5;
    for (int port = start; port < 20_000; port++) {
      try (ServerSocket probe = new ServerSocket(port)) {
        return probe.getLocalPort();
      } catch (IOException taken) {
        // try the next one
      }
    }
    throw new IOException("no free port in " + start + "-19999");
  }
}
