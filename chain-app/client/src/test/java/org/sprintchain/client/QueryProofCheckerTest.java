package org.sprintchain.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
 * Proven answers made by the real core over an in-memory store, checked as a client would; then
 * every part an untrusted node controls (proof, raw value, JSON answer, key, app hash) tampered
 * with in turn must be refused.
 */
class QueryProofCheckerTest {
  private static final Address ALICE = address("alice");
  private static final Address NOBODY = address("nobody");

  private ChainApplication chain;
  private InMemoryStateStore store;
  private byte[] appHash;

  private static Address address(String seed) {
    return Ed25519.KeyPair.fromPrivateKey(Hashes.sha256(seed.getBytes(StandardCharsets.UTF_8)))
        .address();
  }

  @BeforeEach
  void chainWithOneBlock() throws Exception {
    store = InMemoryStateStore.create();
    chain = new ChainApplication(store);
    String appState =
        "{\"params\":{\"min_fee\":3,\"max_tx_bytes\":4096},\"accounts\":[{\"address\":\""
            + ALICE
            + "\",\"balance\":777}]}";
    chain.initChain(new GenesisRequest("proof-test", 1, appState.getBytes(StandardCharsets.UTF_8)));
    chain.finalizeBlock(new BlockRequest(1, ALICE, List.of()));
    chain.commit();
    appHash = store.rootHash(1);
  }

  /** What the node puts on the wire for a proven query (see SprintAbciApplication.toProofOps). */
  private AbciQueryResult answer(String path) {
    QueryResult r = chain.query(path, 0, true);
    StateProof p = r.proof().orElseThrow();
    return new AbciQueryResult(
        r.code(),
        "",
        r.log(),
        r.value(),
        r.height(),
        List.of(
            new AbciQueryResult.ProofOp(StateProof.PROOF_OP_TYPE, p.storeKey(), p.proof()),
            new AbciQueryResult.ProofOp(
                StateProof.VALUE_OP_TYPE, p.storeKey(), p.rawValue().orElse(new byte[0]))));
  }

  private static AbciQueryResult withOps(AbciQueryResult a, List<AbciQueryResult.ProofOp> ops) {
    return new AbciQueryResult(a.code(), a.codespace(), a.log(), a.value(), a.height(), ops);
  }

  private static AbciQueryResult withValue(AbciQueryResult a, String json) {
    return new AbciQueryResult(
        a.code(),
        a.codespace(),
        a.log(),
        json.getBytes(StandardCharsets.UTF_8),
        a.height(),
        a.proofOps());
  }

  private static AbciQueryResult.ProofOp withData(AbciQueryResult.ProofOp op, byte[] data) {
    return new AbciQueryResult.ProofOp(op.type(), op.key(), data);
  }

  private static byte[] flip(byte[] bytes, int index) {
    byte[] copy = bytes.clone();
    copy[index] ^= 1;
    return copy;
  }

  private void refused(String reasonPart, Runnable check) {
    ProofVerificationException e = assertThrows(ProofVerificationException.class, check::run);
    assertTrue(e.getMessage().contains(reasonPart), e.getMessage());
  }

  @Test
  void anAccountThatExistsIsProvenAndMatchesTheAnswer() {
    AccountInfo info = QueryProofChecker.account(ALICE, answer("/account/" + ALICE), appHash);
    assertEquals(new AccountInfo(ALICE, 777, 0), info);
  }

  @Test
  void anAbsentAccountIsProvenAbsentAndReadsAsZero() {
    AbciQueryResult a = answer("/account/" + NOBODY);
    assertEquals(0, a.proofOps().get(1).data().length, "absent: empty value op");
    assertEquals(new AccountInfo(NOBODY, 0, 0), QueryProofChecker.account(NOBODY, a, appHash));
  }

  @Test
  void paramsAreProven() {
    assertEquals(new ChainParams(3, 4096), QueryProofChecker.params(answer("/params"), appHash));
  }

  @Test
  void aTamperedProofIsRefused() {
    AbciQueryResult a = answer("/account/" + ALICE);
    AbciQueryResult.ProofOp proof = a.proofOps().get(0);
    for (int i : new int[] {0, 3, proof.data().length / 2, proof.data().length - 1}) {
      AbciQueryResult bad =
          withOps(a, List.of(withData(proof, flip(proof.data(), i)), a.proofOps().get(1)));
      refused("does not lead to app hash", () -> QueryProofChecker.account(ALICE, bad, appHash));
    }
    AbciQueryResult truncated =
        withOps(a, List.of(withData(proof, new byte[] {1, 0}), a.proofOps().get(1)));
    refused("does not lead", () -> QueryProofChecker.account(ALICE, truncated, appHash));
  }

  @Test
  void aTamperedRawValueIsRefusedEvenWithAMatchingAnswer() {
    AbciQueryResult a = answer("/account/" + ALICE);
    // The node claims balance 778 and sends the raw value that would go with it.
    byte[] forged = new org.sprintchain.chain.state.Account(778, 0).encode();
    AbciQueryResult bad =
        withValue(
            withOps(a, List.of(a.proofOps().get(0), withData(a.proofOps().get(1), forged))),
            "{\"address\":\"" + ALICE + "\",\"balance\":778,\"sequence\":0}");
    refused("does not lead to app hash", () -> QueryProofChecker.account(ALICE, bad, appHash));
    // Claiming absence for an account that exists.
    AbciQueryResult absent =
        withValue(
            withOps(a, List.of(a.proofOps().get(0), withData(a.proofOps().get(1), new byte[0]))),
            "{\"address\":\"" + ALICE + "\",\"balance\":0,\"sequence\":0}");
    refused("absence", () -> QueryProofChecker.account(ALICE, absent, appHash));
  }

  @Test
  void anAnswerThatIsNotTheProvenValueIsRefused() {
    AbciQueryResult a = answer("/account/" + ALICE);
    refused(
        "is not the proven value",
        () ->
            QueryProofChecker.account(
                ALICE,
                withValue(a, "{\"address\":\"" + ALICE + "\",\"balance\":778,\"sequence\":0}"),
                appHash));
    refused(
        "is not the proven value",
        () ->
            QueryProofChecker.account(
                ALICE,
                withValue(a, "{\"address\":\"" + ALICE + "\",\"balance\":777,\"sequence\":1}"),
                appHash));
    refused(
        "not " + ALICE,
        () ->
            QueryProofChecker.account(
                ALICE,
                withValue(a, "{\"address\":\"" + NOBODY + "\",\"balance\":777,\"sequence\":0}"),
                appHash));
    AbciQueryResult absent = answer("/account/" + NOBODY);
    refused(
        "absent",
        () ->
            QueryProofChecker.account(
                NOBODY,
                withValue(absent, "{\"address\":\"" + NOBODY + "\",\"balance\":5,\"sequence\":0}"),
                appHash));
    AbciQueryResult params = answer("/params");
    refused(
        "is not the proven value",
        () ->
            QueryProofChecker.params(
                withValue(params, "{\"min_fee\":0,\"max_tx_bytes\":4096}"), appHash));
  }

  @Test
  void aWrongAppHashIsRefused() {
    AbciQueryResult a = answer("/account/" + ALICE);
    for (int i : new int[] {0, 17, 31}) {
      refused(
          "does not lead to app hash", () -> QueryProofChecker.account(ALICE, a, flip(appHash, i)));
    }
    refused("does not lead", () -> QueryProofChecker.account(ALICE, a, new byte[31]));
    refused("does not lead", () -> QueryProofChecker.params(answer("/params"), flip(appHash, 5)));
  }

  @Test
  void aProofOfAnotherKeyIsRefused() {
    AbciQueryResult alice = answer("/account/" + ALICE);
    refused("not the queried", () -> QueryProofChecker.account(NOBODY, alice, appHash));
  }

  @Test
  void missingOrReorderedProofOpsAreRefused() {
    AbciQueryResult a = answer("/account/" + ALICE);
    refused(
        "expected proof ops",
        () -> QueryProofChecker.account(ALICE, withOps(a, List.of()), appHash));
    refused(
        "expected proof ops",
        () ->
            QueryProofChecker.account(
                ALICE, withOps(a, List.of(a.proofOps().get(1), a.proofOps().get(0))), appHash));
    refused(
        "expected proof ops",
        () -> QueryProofChecker.account(ALICE, withOps(a, List.of(a.proofOps().get(0))), appHash));
  }

  @Test
  void provenQueriesWaitForTheNextHeaderAndVerifyAgainstIt() throws IOException {
    AbciQueryResult a = answer("/account/" + ALICE);
    String hex = HexFormat.of().withUpperCase().formatHex(appHash);
    AtomicInteger statusCalls = new AtomicInteger();
    List<String> headerQueries = new ArrayList<>();
    try (StubCometRpc stub = new StubCometRpc();
        CometRpcClient rpc = new CometRpcClient(stub.url(), Duration.ofSeconds(2))) {
      stub.result("abci_query", q -> queryJson(a))
          .result(
              "status",
              q ->
                  "{\"node_info\":{},\"sync_info\":{\"latest_block_height\":\""
                      + (statusCalls.incrementAndGet() < 3 ? 1 : 2)
                      + "\"}}")
          .result(
              "header",
              q -> {
                headerQueries.add(q);
                return "{\"header\":{\"height\":\"2\",\"app_hash\":\"" + hex + "\"}}";
              });
      ProvenAnswer<AccountInfo> proven =
          new ProvenQueries(rpc, Duration.ofSeconds(5)).account(ALICE);
      assertEquals(new AccountInfo(ALICE, 777, 0), proven.value());
      assertEquals(1, proven.height());
      assertEquals(2, proven.headerHeight());
      assertArrayEquals(appHash, proven.appHash());
      assertTrue(statusCalls.get() >= 3, "waited for block 2");
      assertEquals(List.of("height=2"), headerQueries);
      assertTrue(
          stub.requests.getFirst().contains("prove=true"), "asked for a proof: " + stub.requests);

      // The same answer against a header that commits to something else.
      stub.result(
          "header",
          q -> "{\"header\":{\"height\":\"2\",\"app_hash\":\"" + "00".repeat(32) + "\"}}");
      assertThrows(
          ProofVerificationException.class,
          () -> new ProvenQueries(rpc, Duration.ofSeconds(5)).account(ALICE));
    }
  }

  private static String queryJson(AbciQueryResult a) {
    Base64.Encoder b64 = Base64.getEncoder();
    StringBuilder ops = new StringBuilder();
    for (AbciQueryResult.ProofOp op : a.proofOps()) {
      ops.append(ops.isEmpty() ? "" : ",")
          .append("{\"type\":\"")
          .append(op.type())
          .append("\",\"key\":\"")
          .append(b64.encodeToString(op.key()))
          .append("\",\"data\":\"")
          .append(b64.encodeToString(op.data()))
          .append("\"}");
    }
    return "{\"response\":{\"code\":0,\"value\":\""
        + b64.encodeToString(a.value())
        + "\",\"height\":\""
        + a.height()
        + "\",\"proofOps\":{\"ops\":["
        + ops
        + "]}}}";
  }
}
