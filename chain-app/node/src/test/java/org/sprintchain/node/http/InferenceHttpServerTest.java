package org.sprintchain.node.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sprintchain.chain.crypto.Ed25519;
import org.sprintchain.chain.crypto.Hashes;
import org.sprintchain.chain.tx.TxSigner;
import org.sprintchain.client.InferenceTxs;
import org.sprintchain.proto.tx.v1.Msg;
import org.sprintchain.proto.tx.v1.MsgInferenceResult;
import org.sprintchain.proto.tx.v1.TxBody;

/** The endpoint over HTTP against a CometBFT RPC with canned answers. */
class InferenceHttpServerTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Ed25519.KeyPair PAYER = key("payer");
  static final Ed25519.KeyPair EXECUTOR = key("executor");
  static final byte[] OUTPUT =
      ByteBuffer.allocate(8)
          .order(ByteOrder.LITTLE_ENDIAN)
          .putInt(1 << 30)
          .putInt(-(1 << 29))
          .array();

  private FakeCometRpc rpc;
  private InferenceHttpServer server;
  private URI base;
  private volatile String jobStatus = "DONE";
  private volatile int checkCode = 0;

  static Ed25519.KeyPair key(String seed) {
    return Ed25519.KeyPair.fromPrivateKey(Hashes.sha256(seed.getBytes(StandardCharsets.UTF_8)));
  }

  static byte[] request(String model, String input) {
    return InferenceTxs.signRequest(
        PAYER, "test", 0, 1, model, input.getBytes(StandardCharsets.UTF_8), 100);
  }

  static String hash(byte[] tx) {
    return HexFormat.of().withUpperCase().formatHex(Hashes.sha256(tx));
  }

  @BeforeEach
  void start() throws Exception {
    byte[] result =
        TxSigner.sign(
            EXECUTOR,
            TxBody.newBuilder()
                .setChainId("test")
                .setFee(1)
                .addMsgs(
                    Msg.newBuilder()
                        .setInferenceResult(
                            MsgInferenceResult.newBuilder()
                                .setRequestId(7)
                                .setOutput(ByteString.copyFrom(OUTPUT))
                                .setOutputDigest(ByteString.copyFrom(Hashes.sha256(OUTPUT)))
                                .setUnits(5)))
                .build());
    rpc = new FakeCometRpc();
    rpc.query(
            "/inference/models",
            q ->
                "{\"models\":[{\"model_id\":\"synth\",\"architecture\":\"synthetic-v1\","
                    + "\"weights_sha256\":\"ab\",\"price_per_unit\":2,\"max_input_bytes\":64}]}")
        .query("/inference/job/7", q -> job(jobStatus).toString())
        .method(
            "broadcast_tx_sync",
            q ->
                FakeCometRpc.ok(
                    "{\"code\":"
                        + checkCode
                        + ",\"log\":\"insufficient funds: balance 3\",\"hash\":\"AA\"}"))
        .method(
            "tx",
            q ->
                FakeCometRpc.ok(
                    "{\"hash\":\"AA\",\"height\":\"10\",\"tx_result\":{\"code\":0,\"events\":"
                        + "[{\"type\":\"inference_request\",\"attributes\":[{\"key\":\"id\","
                        + "\"value\":\"7\"}]}]}}"))
        .method(
            "tx_search",
            q ->
                FakeCometRpc.ok(
                    "{\"txs\":[{\"hash\":\""
                        + hash(result)
                        + "\",\"height\":\"12\",\"tx\":\""
                        + Base64.getEncoder().encodeToString(result)
                        + "\",\"tx_result\":{\"code\":0}}]}"));
    server = serve(rpc.url(), 2048);
  }

  private InferenceHttpServer serve(URI rpcUrl, int maxBody) throws Exception {
    InferenceHttpServer s =
        new InferenceHttpServer(
            new HttpApiOptions(
                new InetSocketAddress("127.0.0.1", 0), rpcUrl, Duration.ofMillis(300), maxBody, 4),
            Duration.ofMillis(10));
    InetSocketAddress bound = s.start();
    base = URI.create("http://127.0.0.1:" + bound.getPort());
    return s;
  }

  static ObjectNode job(String status) {
    ObjectNode j = JSON.createObjectNode();
    j.put("id", 7).put("payer", PAYER.address().toString()).put("model_id", "synth");
    j.put("input", Base64.getEncoder().encodeToString("hello".getBytes(StandardCharsets.UTF_8)));
    j.put("input_bytes", 5).put("max_fee", 100).put("request_height", 10).put("status", status);
    j.put("executor", EXECUTOR.address().toString()).put("assigned_height", 11);
    j.put("deadline", 15).put("result_height", 12);
    j.put("output_digest", HexFormat.of().formatHex(Hashes.sha256(OUTPUT)));
    j.put("units", 5).put("fee", 10).put("escrow", 0).put("sampled", false);
    j.put("audit_deadline", 0).putArray("audits");
    return j;
  }

  @AfterEach
  void stop() {
    server.close();
    rpc.close();
  }

  record Reply(int status, JsonNode json) {}

  private Reply post(String body) throws Exception {
    try (HttpClient http = HttpClient.newHttpClient()) {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(base.resolve("/v1/embeddings"))
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return new Reply(r.statusCode(), JSON.readTree(r.body()));
    }
  }

  private Reply get(String path) throws Exception {
    try (HttpClient http = HttpClient.newHttpClient()) {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(base.resolve(path)).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      return new Reply(r.statusCode(), JSON.readTree(r.body()));
    }
  }

  private static String body(String model, String input, byte[] tx) {
    return JSON.createObjectNode()
        .put("model", model)
        .put("input", input)
        .put("sprint_signed_tx", Base64.getEncoder().encodeToString(tx))
        .toString();
  }

  @Test
  void paidEmbeddingIsAnsweredInOpenAiShapeWithAReceipt() throws Exception {
    byte[] tx = request("synth", "hello");
    Reply r = post(body("synth", "hello", tx));
    assertEquals(200, r.status(), r.json().toString());
    assertEquals("list", r.json().get("object").asText());
    JsonNode item = r.json().get("data").get(0);
    assertEquals("embedding", item.get("object").asText());
    assertEquals(0, item.get("index").asInt());
    assertEquals(1.0, item.get("embedding").get(0).asDouble());
    assertEquals(-0.5, item.get("embedding").get(1).asDouble());
    assertEquals("synth", r.json().get("model").asText());
    assertEquals(5, r.json().get("usage").get("prompt_tokens").asInt());
    assertEquals(5, r.json().get("usage").get("total_tokens").asInt());
    JsonNode receipt = r.json().get("receipt");
    assertEquals(7, receipt.get("request_id").asLong());
    assertEquals(hash(tx), receipt.get("request_tx").asText());
    assertEquals(12, receipt.get("result_height").asLong());
    assertEquals(EXECUTOR.address().toString(), receipt.get("executor").asText());
    assertEquals(10, receipt.get("fee").asLong());
    assertEquals(90, receipt.get("refund").asLong());
    assertEquals("DONE", receipt.get("audit").get("status").asText());
  }

  @Test
  void insufficientFundsIs402() throws Exception {
    checkCode = EmbeddingService.INSUFFICIENT_FUNDS;
    Reply r = post(body("synth", "hello", request("synth", "hello")));
    assertEquals(402, r.status());
    assertEquals("insufficient_funds", r.json().get("error").get("code").asText());
    assertTrue(r.json().get("error").get("message").asText().contains("code 7"));
  }

  @Test
  void unknownModelIs404BeforeAnythingIsBroadcast() throws Exception {
    checkCode = 99; // would be a 400 if it got that far
    Reply r = post(body("nope", "hello", request("nope", "hello")));
    assertEquals(404, r.status());
    assertEquals("model_not_found", r.json().get("error").get("code").asText());
  }

  @Test
  void bodyThatIsNotTheSignedRequestIs400() throws Exception {
    Reply r = post(body("synth", "other text", request("synth", "hello")));
    assertEquals(400, r.status());
    assertEquals("tx_mismatch", r.json().get("error").get("code").asText());
    assertEquals("invalid_request_error", r.json().get("error").get("type").asText());
    assertEquals(400, post("{not json").status());
  }

  @Test
  void jobNotSettledInTimeIs504WithTheRequestId() throws Exception {
    jobStatus = "ASSIGNED";
    Reply r = post(body("synth", "hello", request("synth", "hello")));
    assertEquals(504, r.status());
    assertEquals(7, r.json().get("error").get("request_id").asLong());
    assertEquals("ASSIGNED", r.json().get("receipt").get("audit").get("status").asText());
  }

  @Test
  void timedOutJobIs503WithItsRefund() throws Exception {
    jobStatus = "TIMED_OUT";
    Reply r = post(body("synth", "hello", request("synth", "hello")));
    assertEquals(503, r.status());
    assertEquals(100, r.json().get("receipt").get("refund").asLong());
  }

  @Test
  void unreachableNodeIs502() throws Exception {
    server.close();
    server = serve(URI.create("http://127.0.0.1:1"), 2048);
    Reply r = post(body("synth", "hello", request("synth", "hello")));
    assertEquals(502, r.status());
    assertEquals("node_unreachable", r.json().get("error").get("code").asText());
  }

  @Test
  void modelsAreListedInOpenAiShapeWithTheirPrices() throws Exception {
    Reply r = get("/v1/models");
    assertEquals(200, r.status());
    assertEquals("list", r.json().get("object").asText());
    JsonNode m = r.json().get("data").get(0);
    assertEquals("synth", m.get("id").asText());
    assertEquals("model", m.get("object").asText());
    assertEquals(2, m.get("price_per_unit").asLong());
    assertEquals(64, m.get("max_input_bytes").asInt());
    assertEquals("ab", m.get("weights_sha256").asText());
    assertEquals(200, get("/v1/models/synth").status());
    assertEquals(404, get("/v1/models/nope").status());
    assertEquals(404, get("/v2/other").status());
  }

  @Test
  void oversizedBodyIs413AndWrongMethodIs405() throws Exception {
    assertEquals(413, post("{\"input\":\"" + "x".repeat(4000) + "\"}").status());
    assertEquals(405, get("/v1/embeddings").status());
  }
}
