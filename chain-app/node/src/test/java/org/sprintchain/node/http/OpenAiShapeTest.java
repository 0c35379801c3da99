package org.sprintchain.node.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sprintchain.client.InferenceReceipt;

/** Q30 to floats, the OpenAI error shape and the mapping of chain refusals to HTTP statuses. */
class OpenAiShapeTest {
  @Test
  void q30LittleEndianBecomesFloats() {
    byte[] out =
        ByteBuffer.allocate(16)
            .order(ByteOrder.LITTLE_ENDIAN)
            .putInt(1 << 30)
            .putInt(-(1 << 30))
            .putInt(1 << 28)
            .putInt(1)
            .array();
    assertArrayEquals(
        new float[] {1f, -1f, 0.25f, (float) (1.0 / (1 << 30))}, FixedPointEmbedding.toFloats(out));
    assertThrows(IllegalArgumentException.class, () -> FixedPointEmbedding.toFloats(new byte[6]));
  }

  @Test
  void base64EncodingIsFloat32LittleEndian() {
    byte[] raw = Base64.getDecoder().decode(FixedPointEmbedding.base64(new float[] {1f, -0.5f}));
    ByteBuffer in = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
    assertEquals(1f, in.getFloat());
    assertEquals(-0.5f, in.getFloat());
  }

  @Test
  void refusalsMapToHttpStatuses() {
    assertEquals(402, EmbeddingService.refusal(7, "").status());
    assertEquals(404, EmbeddingService.refusal(51, "").status());
    assertEquals(404, EmbeddingService.refusal(50, "").status());
    assertEquals(400, EmbeddingService.refusal(52, "").status());
    assertEquals(400, EmbeddingService.refusal(53, "").status());
    assertEquals(400, EmbeddingService.refusal(4, "bad sequence").status());
  }

  @Test
  void errorsHaveOpenAiShapeAndTheRequestId() {
    InferenceReceipt r =
        new InferenceReceipt(
            7, "m", "AA", 1, "", 0, "p", "e", 0, 0, 5, 0, "", false, "ASSIGNED", List.of());
    var json = OpenAiJson.error(ApiError.timeout("slow").withRequestId(7).withReceipt(r.toJson()));
    assertEquals("slow", json.get("error").get("message").asText());
    assertEquals("api_error", json.get("error").get("type").asText());
    assertEquals("timeout", json.get("error").get("code").asText());
    assertEquals(true, json.get("error").get("param").isNull());
    assertEquals(7, json.get("error").get("request_id").asLong());
    assertEquals("AA", json.get("receipt").get("request_tx").asText());
    assertEquals(
        Optional.empty(), ApiError.badRequest("x", "y").requestId(), "no job, no request id");
  }

  @Test
  void flagsParseAndNeedAnRpc() {
    HttpApiFlags flags = new HttpApiFlags();
    assertEquals(Optional.empty(), flags.build());
    flags.set("--http", "26659");
    assertThrows(IllegalArgumentException.class, flags::build);
    flags.seeWorkerFlag("--rpc", "http://127.0.0.1:26657");
    HttpApiOptions o = flags.build().orElseThrow();
    assertEquals("127.0.0.1", o.bind().getHostString());
    assertEquals(26659, o.bind().getPort());
    assertEquals(60, o.jobTimeout().toSeconds());
    flags.set("--http-rpc", "http://10.0.0.1:1");
    flags.set("--http-timeout", "5");
    assertEquals("http://10.0.0.1:1", flags.build().orElseThrow().rpc().toString());
    assertEquals(5, flags.build().orElseThrow().jobTimeout().toSeconds());
    assertThrows(IllegalArgumentException.class, () -> flags.set("--http-timeout", "0"));
    assertThrows(IllegalArgumentException.class, () -> HttpApiFlags.address("host:x"));
  }
}
