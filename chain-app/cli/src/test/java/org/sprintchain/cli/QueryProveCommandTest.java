package org.sprintchain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sprintchain.chain.BlockRequest;
import org.sprintchain.chain.ChainApplication;
import org.sprintchain.chain.GenesisRequest;
import org.sprintchain.chain.crypto.Address;
import org.sprintchain.chain.crypto.Ed25519;
import org.sprintchain.chain.crypto.Hashes;
import org.sprintchain.chain.query.QueryResult;
import org.sprintchain.chain.query.StateProof;
import org.sprintchain.store.testing.InMemoryStateStore;

/**
 * {@code query account|params --prove} against a fake node RPC whose answers and proofs come from
 * the real core over an in-memory store: verified output with the app hash and the trust note, or
 * exit 1 with the reason when the header's app hash does not match.
 */
class QueryProveCommandTest {
  private static final Pattern PATH = Pattern.compile("path=\"([^\"]*)\"");
  private static final Address ALICE =
      Ed25519.KeyPair.fromPrivateKey(Hashes.sha256("alice".getBytes(StandardCharsets.UTF_8)))
          .address();

  @TempDir Path home;
  private HttpServer server;
  private ChainApplication chain;
  private String headerAppHash;

  @BeforeEach
  void fakeNode() throws Exception {
    InMemoryStateStore store = InMemoryStateStore.create();
    chain = new ChainApplication(store);
    String appState =
        "{\"params\":{\"min_fee\":2,\"max_tx_bytes\":5000},\"accounts\":[{\"address\":\""
            + ALICE
            + "\",\"balance\":31337}]}";
    chain.initChain(new GenesisRequest("cli-proof", 1, appState.getBytes(StandardCharsets.UTF_8)));
    chain.finalizeBlock(new BlockRequest(1, ALICE, List.of()));
    chain.commit();
    headerAppHash = HexFormat.of().withUpperCase().formatHex(store.rootHash(1));
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String method = exchange.getRequestURI().getPath().substring(1);
          String query = exchange.getRequestURI().getRawQuery();
          String decoded = query == null ? "" : URLDecoder.decode(query, StandardCharsets.UTF_8);
          String result =
              switch (method) {
                case "abci_query" -> abciQuery(decoded);
                case "status" -> "{\"node_info\":{},\"sync_info\":{\"latest_block_height\":\"2\"}}";
                case "header" ->
                    "{\"header\":{\"height\":\"2\",\"app_hash\":\"" + headerAppHash + "\"}}";
                default -> "null";
              };
          byte[] body =
              ("{\"jsonrpc\":\"2.0\",\"id\":-1,\"result\":" + result + "}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private String abciQuery(String params) {
    Matcher m = PATH.matcher(params);
    String path = m.find() ? m.group(1) : "";
    QueryResult r = chain.query(path, 0, params.contains("prove=true"));
    Base64.Encoder b64 = Base64.getEncoder();
    String ops = "";
    if (r.proof().isPresent()) {
      StateProof p = r.proof().get();
      String key = b64.encodeToString(p.storeKey());
      ops =
          ",\"proofOps\":{\"ops\":[{\"type\":\"sprint/smt/v1\",\"key\":\""
              + key
              + "\",\"data\":\""
              + b64.encodeToString(p.proof())
              + "\"},{\"type\":\"sprint/value/v1\",\"key\":\""
              + key
              + "\",\"data\":\""
              + b64.encodeToString(p.rawValue().orElse(new byte[0]))
              + "\"}]}";
    }
    return "{\"response\":{\"code\":"
        + r.code()
        + ",\"log\":\"\",\"value\":\""
        + b64.encodeToString(r.value())
        + "\",\"height\":\""
        + r.height()
        + "\""
        + ops
        + "}}";
  }

  private record Result(int status, String out, String err) {}

  private Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CliContext ctx =
        new CliContext(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            home);
    int status = SprintCli.run(List.of(args), ctx);
    return new Result(
        status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private String node() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Test
  void aProvenAccountPrintsTheVerifiedAppHashAndTheTrustNote() {
    Result r = run("query", "account", ALICE.toString(), "--prove", "--node", node());
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("balance:  31337"), r.out());
    assertTrue(r.out().contains("height: 1"), r.out());
    assertTrue(
        r.out()
            .contains("proof: verified against app hash " + headerAppHash + " (header of block 2)"),
        r.out());
    assertTrue(r.out().contains("validator signatures are not checked"), r.out());
  }

  @Test
  void anAbsentAccountIsProvenAsZero() {
    Address nobody =
        Ed25519.KeyPair.fromPrivateKey(Hashes.sha256("nobody".getBytes(StandardCharsets.UTF_8)))
            .address();
    Result r = run("query", "account", nobody.toString(), "--prove", "--node", node());
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("balance:  0") && r.out().contains("sequence: 0"), r.out());
    assertTrue(r.out().contains("proof: verified"), r.out());
  }

  @Test
  void provenParams() {
    Result r = run("query", "params", "--prove", "--node", node());
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("min_fee:      2"), r.out());
    assertTrue(r.out().contains("max_tx_bytes: 5000"), r.out());
    assertTrue(r.out().contains("proof: verified against app hash " + headerAppHash), r.out());
  }

  @Test
  void aHeaderThatCommitsToOtherStateFailsWithTheReason() {
    headerAppHash = "AB".repeat(32);
    Result r = run("query", "account", ALICE.toString(), "--prove", "--node", node());
    assertEquals(1, r.status(), r.out());
    assertTrue(r.err().contains("proof NOT verified"), r.err());
    assertTrue(r.err().contains("does not lead to app hash " + headerAppHash), r.err());
    assertTrue(!r.out().contains("balance"), "nothing unverified is printed: " + r.out());
  }

  @Test
  void withoutProveTheAnswerIsPrintedAsBefore() throws IOException {
    Result r = run("query", "account", ALICE.toString(), "--node", node());
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("balance:  31337") && !r.out().contains("proof:"), r.out());
  }
}
