package org.sprintchain.abci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tendermint.abci.Response;

/** The server over real sockets on loopback and in a temp directory, with a fake application. */
@Timeout(30)
class AbciSocketServerTest {
  private static final HexFormat HEX = HexFormat.of();

  enum Transport {
    TCP,
    UNIX
  }

  @TempDir Path dir;
  private final List<AutoCloseable> toClose = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable c : toClose.reversed()) {
      c.close();
    }
  }

  private AbciAddress addressFor(Transport transport) {
    return switch (transport) {
      case TCP -> AbciAddress.parse("tcp://127.0.0.1:0");
      case UNIX -> AbciAddress.parse("unix://" + dir.resolve("app.sock"));
    };
  }

  private AbciSocketServer start(Transport transport, AbciApplication app, int maxFrameBytes)
      throws IOException {
    AbciSocketServer server = new AbciSocketServer(addressFor(transport), app, maxFrameBytes);
    toClose.add(server);
    server.start();
    return server;
  }

  private AbciSocketServer start(Transport transport, AbciApplication app) throws IOException {
    return start(transport, app, VarintFrameCodec.DEFAULT_MAX_FRAME_BYTES);
  }

  private AbciTestClient connect(AbciSocketServer server) throws IOException {
    AbciTestClient client = new AbciTestClient(server.boundAddress());
    toClose.add(client);
    return client;
  }

  private static void assertEchoWorks(AbciTestClient client) throws IOException {
    assertEquals(
        "still here", client.call(AbciTestClient.echo("still here")).getEcho().getMessage());
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void answersEchoAndFlush(Transport transport) throws IOException {
    AbciTestClient client = connect(start(transport, new FakeApplication()));
    assertEquals("hello", client.call(AbciTestClient.echo("hello")).getEcho().getMessage());
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void answersPipelinedRequestsInOrder(Transport transport) throws IOException {
    AbciTestClient client = connect(start(transport, new FakeApplication()));
    int n = 300;
    for (int i = 0; i < n; i++) {
      client.send(
          switch (i % 3) {
            case 0 -> AbciTestClient.checkTx("tx-" + i);
            case 1 -> AbciTestClient.query("q-" + i);
            default -> AbciTestClient.echo("e-" + i);
          });
    }
    client.sendFlush();
    for (int i = 0; i < n; i++) {
      Response r = client.read();
      switch (i % 3) {
        case 0 -> assertEquals("tx-" + i, r.getCheckTx().getLog());
        case 1 -> assertEquals("q-" + i, r.getQuery().getLog());
        default -> assertEquals("e-" + i, r.getEcho().getMessage());
      }
    }
    assertTrue(client.read().hasFlush());
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void holdsResponsesUntilFlush(Transport transport) throws Exception {
    AbciTestClient client = connect(start(transport, new FakeApplication()));
    client.push(AbciTestClient.echo("buffered"));
    Thread.sleep(300);
    assertFalse(client.anythingArrived(), "a response reached the socket before Flush");
    client.sendFlush();
    assertEquals("buffered", client.read().getEcho().getMessage());
    assertTrue(client.read().hasFlush());
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void garbageFrameClosesOnlyThatConnection(Transport transport) throws IOException {
    AbciSocketServer server = start(transport, new FakeApplication());
    AbciTestClient bad = connect(server);
    AbciTestClient good = connect(server);
    assertEchoWorks(good);

    bad.sendRaw(HEX.parseHex("05ffffffffff")); // five bytes that are no protobuf at all
    assertTrue(bad.closedByServer());

    assertEchoWorks(good);
    assertEchoWorks(connect(server));
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void requestWithNoValueClosesTheConnection(Transport transport) throws IOException {
    AbciSocketServer server = start(transport, new FakeApplication());
    AbciTestClient empty = connect(server);
    empty.sendRaw(HEX.parseHex("00")); // an empty Request
    assertTrue(empty.closedByServer());

    AbciTestClient unknown = connect(server);
    unknown.sendRaw(HEX.parseHex("03980601")); // only field 99 = 1: a request type we do not know
    assertTrue(unknown.closedByServer());

    assertEchoWorks(connect(server));
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void oversizedLengthPrefixClosesTheConnection(Transport transport) throws IOException {
    AbciSocketServer server = start(transport, new FakeApplication(), 1024);
    AbciTestClient atLimit = connect(server);
    String tx = "x".repeat(1024 - 6); // Request{check_tx{tx}} adds 6 bytes of tags and lengths
    assertEquals(1024, AbciTestClient.checkTx(tx).getSerializedSize());
    assertEquals(tx, atLimit.call(AbciTestClient.checkTx(tx)).getCheckTx().getLog());

    AbciTestClient overLimit = connect(server);
    overLimit.sendRaw(HEX.parseHex("8108")); // announces 1025 bytes and sends none
    assertTrue(overLimit.closedByServer());

    AbciTestClient absurd = connect(server);
    absurd.sendRaw(HEX.parseHex("ffffffffffffffffff01")); // 2^64 - 1
    assertTrue(absurd.closedByServer());

    assertEchoWorks(atLimit);
    assertEchoWorks(connect(server));
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void applicationExceptionIsAnsweredThenTheConnectionCloses(Transport transport)
      throws IOException {
    AbciSocketServer server = start(transport, new FakeApplication());
    AbciTestClient client = connect(server);
    client.send(AbciTestClient.query(FakeApplication.BOOM));
    client.sendFlush();
    Response response = client.read();
    assertTrue(response.hasException(), response.toString());
    assertTrue(response.getException().getError().contains("query exploded on purpose"));
    assertTrue(client.closedByServer());

    assertEquals("fine", connect(server).call(AbciTestClient.query("fine")).getQuery().getLog());
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void callsFromConcurrentConnectionsAreSerialized(Transport transport) throws Exception {
    FakeApplication app = new FakeApplication(1);
    AbciSocketServer server = start(transport, app);
    int clients = 4;
    int perClient = 40;
    List<AbciTestClient> connected = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      connected.add(connect(server));
    }
    try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
      List<Future<?>> done = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        AbciTestClient client = connected.get(c);
        String prefix = "c" + c + "-";
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < perClient; i++) {
                    client.send(AbciTestClient.checkTx(prefix + i));
                  }
                  client.sendFlush();
                  for (int i = 0; i < perClient; i++) {
                    assertEquals(prefix + i, client.read().getCheckTx().getLog());
                  }
                  assertTrue(client.read().hasFlush());
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    }
    assertEquals(clients * perClient, app.calls());
    assertEquals(1, app.maxInFlight(), "two application calls overlapped");
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void closeEndsConnectionsAndStopsAccepting(Transport transport) throws IOException {
    AbciSocketServer server = start(transport, new FakeApplication());
    AbciTestClient client = connect(server);
    assertEchoWorks(client);
    AbciAddress address = server.boundAddress();

    server.close();

    assertTrue(client.closedByServer());
    assertEquals(0, server.openConnections());
    assertThrows(IOException.class, () -> new AbciTestClient(address).close());
    if (address instanceof AbciAddress.Unix unix) {
      assertFalse(Files.exists(unix.path()), "socket file left behind");
    }
    server.close(); // idempotent
  }

  @Test
  void connectionThreadIsNamedForItsRole() throws IOException {
    AbciSocketServer server = start(Transport.TCP, new FakeApplication());
    AbciTestClient mempool = connect(server);
    mempool.call(AbciTestClient.checkTx("tx"));
    assertTrue(
        Thread.getAllStackTraces().keySet().stream()
            .anyMatch(t -> t.getName().matches("abci-conn-\\d+-mempool")));
  }

  @Test
  void staleUnixSocketFileIsReplaced() throws IOException {
    AbciSocketServer first =
        new AbciSocketServer(addressFor(Transport.UNIX), new FakeApplication());
    first.start();
    // Simulate a crash: the socket file stays behind although nobody listens on it.
    Path socket = ((AbciAddress.Unix) first.boundAddress()).path();
    Path kept = dir.resolve("kept.sock");
    Files.createLink(kept, socket);
    first.close();
    Files.move(kept, socket);

    AbciSocketServer second = start(Transport.UNIX, new FakeApplication());
    assertEchoWorks(connect(second));
  }

  @Test
  void regularFileAtTheUnixPathIsNotReplaced() throws IOException {
    Files.writeString(dir.resolve("app.sock"), "not a socket");
    AbciSocketServer server =
        new AbciSocketServer(addressFor(Transport.UNIX), new FakeApplication());
    assertThrows(IOException.class, server::start);
    assertEquals("not a socket", Files.readString(dir.resolve("app.sock")));
    server.close();
  }

  @Test
  void startTwiceIsAnError() throws IOException {
    AbciSocketServer server = start(Transport.TCP, new FakeApplication());
    assertThrows(IllegalStateException.class, server::start);
  }
}
