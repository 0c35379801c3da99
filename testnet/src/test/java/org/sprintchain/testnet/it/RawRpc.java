package org.sprintchain.testnet.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Raw HTTP against CometBFT's RPC, for requests the typed client cannot send: malformed JSON, bad
 * params, oversized bodies. Answers are parsed as JSON when they are JSON.
 */
final class RawRpc implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The HTTP status and the body, parsed when it is JSON (else a text node). */
  record Answer(int status, JsonNode body) {
    boolean isJsonRpcError() {
      return body.hasNonNull("error");
    }
  }

  private final URI base;
  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .version(HttpClient.Version.HTTP_1_1)
          .build();

  RawRpc(URI base) {
    this.base = URI.create(base.toString().endsWith("/") ? base.toString() : base + "/");
  }

  Answer post(String body) throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(base)
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build());
  }

  Answer get(String pathAndQuery) throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(Duration.ofSeconds(20)).build());
  }

  private Answer send(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
    JsonNode body;
    try {
      body = JSON.readTree(r.body());
    } catch (IOException e) {
      body = JSON.getNodeFactory().textNode(r.body());
    }
    return new Answer(r.statusCode(), body == null ? JSON.nullNode() : body);
  }

  @Override
  public void close() {
    http.close();
  }
}
