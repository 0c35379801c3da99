package org.sprintchain.testnet.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sprintchain.chain.crypto.Ed25519;
import org.sprintchain.chain.crypto.Hashes;
import org.sprintchain.client.BroadcastResult;
import org.sprintchain.client.CometRpcClient;
import org.sprintchain.client.InferenceReceipt;
import org.sprintchain.client.InferenceTxs;
import org.sprintchain.client.Keyring;
import org.sprintchain.client.ReceiptVerifier;
import org.sprintchain.client.TxSender;
import org.sprintchain.testnet.InferenceSetup;
import org.sprintchain.testnet.LocalTestnet;
import org.sprintchain.testnet.SprintSettings;
import org.sprintchain.testnet.SprintSetup;
import org.sprintchain.testnet.acceptance.dsl.Cluster;
import org.sprintchain.testnet.acceptance.dsl.Node;
import org.sprintchain.testnet.acceptance.dsl.SprintProbe;

/**
 * Issue 7 acceptance: 100 paid MiniLM embedding jobs through the OpenAI-compatible HTTP endpoint of
 * a real 4-validator net, from 10 developers in parallel (each request authorised by the
 * developer's own signed tx); every job settles, every answer is an embedding with a receipt,
 * sampled receipts verify against the chain with a Merkle proof, and every developer's balance
 * reconciles to the token.
 */
class InferenceHttpAcceptanceIntegrationTest {
  private static final int PORTS_FROM = 31_500;
  private static final int DEVELOPERS = 10;
  private static final int JOBS_EACH = 10;
  private static final long FUNDING = 100_000;
  private static final long MAX_FEE = 2_000;
  private static final long TX_FEE = 1;
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void hundredPaidEmbeddingsSettleThroughTheHttpEndpoint(@TempDir Path dir) throws Exception {
    SprintSetup setup =
        SprintSetup.DEFAULT.withParams(SprintPowerAcceptanceIntegrationTest.params(2));
    try (Cluster cluster =
        Cluster.startWithSprints(
            dir,
            4,
            new SprintSettings(
                SprintPowerAcceptanceIntegrationTest.EPOCH_LENGTH, SprintSettings.Preset.TINY),
            setup,
            PORTS_FROM)) {
      SprintProbe probe = new SprintProbe(cluster);
      List<Ed25519.KeyPair> developers = fund(cluster);
      ExecutorService pool = Executors.newFixedThreadPool(DEVELOPERS);
      List<JsonNode> answers = Collections.synchronizedList(new ArrayList<>());
      List<Future<?>> runs = new ArrayList<>();
      for (int d = 0; d < DEVELOPERS; d++) {
        Ed25519.KeyPair dev = developers.get(d);
        Node node = cluster.node(d % 4);
        runs.add(pool.submit(() -> answers.addAll(embedAll(dev, node, probe))));
      }
      for (Future<?> f : runs) {
        f.get();
      }
      pool.shutdown();
      assertEquals(DEVELOPERS * JOBS_EACH, answers.size());

      long[] charged = new long[DEVELOPERS];
      for (JsonNode a : answers) {
        assertEquals(384, a.path("data").get(0).path("embedding").size(), a.toString());
        JsonNode receipt = a.path("receipt");
        JsonNode job = probe.query("/inference/job/" + receipt.path("request_id").asLong());
        assertEquals("DONE", job.path("status").asText(), job.toString());
        assertEquals(job.path("fee").asLong(), receipt.path("fee").asLong());
        int d = indexOf(developers, receipt.path("payer").asText());
        charged[d] += job.path("fee").asLong();
      }
      for (int d = 0; d < DEVELOPERS; d++) {
        assertEquals(
            FUNDING - charged[d] - JOBS_EACH * TX_FEE,
            probe.query("/account/" + developers.get(d).address()).path("balance").asLong(),
            "developer " + d + " pays exactly its jobs' fees and its tx fees");
      }
      assertEquals(0, probe.query("/inference/ledger").path("escrowed").asLong());
      try (CometRpcClient rpc = cluster.node(1).rpc()) {
        ReceiptVerifier verifier = new ReceiptVerifier(rpc, Duration.ofSeconds(20));
        for (int i = 0; i < 3; i++) {
          var report =
              verifier.verify(InferenceReceipt.fromJson(answers.get(i * 33).path("receipt")));
          assertTrue(report.valid(), report.toString());
        }
      }
    }
  }

  /** Ten developers funded from the demo key, in one burst of transfers. */
  private static List<Ed25519.KeyPair> fund(Cluster cluster) {
    Ed25519.KeyPair demo = new Keyring(cluster.net().dir()).keyPair(LocalTestnet.DEMO_KEY);
    List<Ed25519.KeyPair> devs = new ArrayList<>();
    try (CometRpcClient rpc = cluster.node(0).rpc()) {
      String chainId = rpc.status().network();
      long seq =
          new SprintProbe(cluster).query("/account/" + demo.address()).path("sequence").asLong();
      String last = null;
      for (int d = 0; d < DEVELOPERS; d++) {
        Ed25519.KeyPair dev =
            Ed25519.KeyPair.fromPrivateKey(
                Hashes.sha256(("http-developer-" + d).getBytes(StandardCharsets.UTF_8)));
        devs.add(dev);
        BroadcastResult r =
            rpc.broadcastTxSync(
                TxSender.signSend(demo, chainId, seq + d, dev.address(), FUNDING, TX_FEE));
        assertTrue(r.accepted(), r.log());
        last = r.hash();
      }
      new TxSender(rpc).awaitInclusion(last, Duration.ofSeconds(30));
    }
    return devs;
  }

  private static List<JsonNode> embedAll(Ed25519.KeyPair dev, Node node, SprintProbe probe) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    URI url = URI.create(node.process().ports().httpUrl() + "/v1/embeddings");
    List<JsonNode> out = new ArrayList<>();
    try (CometRpcClient rpc = node.rpc()) {
      String chainId = rpc.status().network();
      long seq = probe.query("/account/" + dev.address()).path("sequence").asLong();
      for (int j = 0; j < JOBS_EACH; j++) {
        String text = "Developer " + dev.address() + " asks for sentence number " + j + ".";
        byte[] tx =
            InferenceTxs.signRequest(
                dev,
                chainId,
                seq + j,
                TX_FEE,
                InferenceSetup.MINILM,
                text.getBytes(StandardCharsets.UTF_8),
                MAX_FEE);
        var body = JSON.createObjectNode();
        body.put("model", InferenceSetup.MINILM);
        body.put("input", text);
        body.put("sprint_signed_tx", Base64.getEncoder().encodeToString(tx));
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(url)
                    .timeout(Duration.ofSeconds(120))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        out.add(JSON.readTree(r.body()));
      }
    } catch (IOException e) {
      throw new AssertionError("HTTP call to " + url + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    return out;
  }

  private static int indexOf(List<Ed25519.KeyPair> devs, String address) {
    for (int i = 0; i < devs.size(); i++) {
      if (devs.get(i).address().toString().equals(address)) {
        return i;
      }
    }
    throw new AssertionError("unknown payer " + address);
  }
}
