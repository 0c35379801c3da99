package org.sprintchain.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A small client for CometBFT's JSON-RPC over HTTP (URI form: {@code GET /method?arg=value}).
 * Strings are sent quoted and bytes as {@code 0x}-hex, as CometBFT's URI handler expects. Every
 * failure is an {@link RpcException} whose message names the node URL and what went wrong.
 */
public final class CometRpcClient implements AutoCloseable {
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(40);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HexFormat HEX = HexFormat.of().withUpperCase();

  private final URI base;
  private final Duration timeout;
  private final HttpClient http;

  public CometRpcClient(URI base) {
    this(base, DEFAULT_TIMEOUT);
  }

  public CometRpcClient(URI base, Duration timeout) {
    String text = base.toString();
    this.base = URI.create(text.endsWith("/") ? text : text + "/");
    if (!"http".equals(this.base.getScheme()) && !"https".equals(this.base.getScheme())) {
      throw new IllegalArgumentException("node URL must be http(s)://host:port, got " + base);
    }
    this.timeout = timeout;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  /** The node's RPC base URL, ending with a slash. */
  public URI url() {
    return base;
  }

  public NodeStatus status() {
    JsonNode r = call("status", Map.of());
    JsonNode sync = r.path("sync_info");
    JsonNode info = r.path("node_info");
    return new NodeStatus(
        info.path("id").asText(),
        info.path("network").asText(),
        info.path("moniker").asText(),
        sync.path("latest_block_height").asLong(),
        sync.path("latest_app_hash").asText(),
        sync.path("latest_block_hash").asText(),
        sync.path("catching_up").asBoolean());
  }

  /** The raw {@code /block} result at {@code height} (0 means latest). */
  public JsonNode block(long height) {
    return call("block", height > 0 ? Map.of("height", Long.toString(height)) : Map.of());
  }

  /** Runs an {@code abci_query} against the latest state. */
  public AbciQueryResult abciQuery(String path, byte[] data) {
    return abciQuery(path, data, 0, false);
  }

  /**
   * Runs an {@code abci_query} at {@code height} (0: the latest committed state), asking for a
   * Merkle proof when {@code prove}.
   */
  public AbciQueryResult abciQuery(String path, byte[] data, long height, boolean prove) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("path", quote(path));
    if (data.length > 0) {
      params.put("data", hex(data));
    }
    if (height > 0) {
      params.put("height", Long.toString(height));
    }
    if (prove) {
      params.put("prove", "true");
    }
    JsonNode resp = call("abci_query", params).path("response");
    List<AbciQueryResult.ProofOp> ops = new ArrayList<>();
    JsonNode proofOps = resp.has("proof_ops") ? resp.path("proof_ops") : resp.path("proofOps");
    for (JsonNode op : proofOps.path("ops")) {
      ops.add(
          new AbciQueryResult.ProofOp(
              op.path("type").asText(), bytes(op.path("key")), bytes(op.path("data"))));
    }
    return new AbciQueryResult(
        resp.path("code").asInt(),
        resp.path("codespace").asText(),
        resp.path("log").asText(),
        bytes(resp.path("value")),
        resp.path("height").asLong(),
        ops);
  }

  /**
   * The header of block {@code height} (CometBFT's {@code /header}), as the node has it; nothing
   * here checks validator signatures.
   */
  public JsonNode header(long height) {
    return call("header", Map.of("height", Long.toString(height))).path("header");
  }

  /** Submits {@code tx} to the mempool and returns the CheckTx result. */
  public BroadcastResult broadcastTxSync(byte[] tx) {
    JsonNode r = call("broadcast_tx_sync", Map.of("tx", hex(tx)));
    return new BroadcastResult(
        r.path("hash").asText(),
        r.path("code").asInt(),
        r.path("codespace").asText(),
        r.path("log").asText());
  }

  /**
   * Submits {@code tx} and waits (CometBFT's {@code timeout_broadcast_tx_commit}) for its block.
   * When CheckTx refuses the tx, the result has height 0 and CheckTx's code and log.
   */
  public TxResult broadcastTxCommit(byte[] tx) {
    JsonNode r = call("broadcast_tx_commit", Map.of("tx", hex(tx)), COMMIT_TIMEOUT);
    JsonNode check = r.path("check_tx");
    String hash = r.path("hash").asText();
    if (check.path("code").asInt() != 0) {
      return new TxResult(
          hash,
          0,
          check.path("code").asInt(),
          check.path("codespace").asText(),
          check.path("log").asText(),
          List.of());
    }
    return txResult(hash, r.path("height").asLong(), r.path("tx_result"));
  }

  /** The included tx with this hash (hex, either case), or empty when the node has none. */
  public Optional<TxResult> tx(String hashHex) {
    return lookupTx(hashHex)
        .map(
            r -> txResult(r.path("hash").asText(), r.path("height").asLong(), r.path("tx_result")));
  }

  /** As {@link #tx(String)}, with the tx bytes themselves. */
  public Optional<IncludedTx> includedTx(String hashHex) {
    return lookupTx(hashHex).map(CometRpcClient::included);
  }

  /** CometBFT's {@code tx} answer for the hash (hex, either case, optional 0x), or empty. */
  private Optional<JsonNode> lookupTx(String hashHex) {
    byte[] hash;
    try {
      hash = HexFormat.of().parseHex(hashHex.startsWith("0x") ? hashHex.substring(2) : hashHex);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("tx hash must be hex, got '" + hashHex + "'", e);
    }
    try {
      return Optional.of(call("tx", Map.of("hash", hex(hash))));
    } catch (JsonRpcErrorException e) {
      if (e.getMessage().contains("not found")) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /**
   * CometBFT's {@code tx_search} for an event query such as {@code inference_result.id=7} (first
   * page, oldest first); empty when the node indexes no txs.
   */
  public List<IncludedTx> txSearch(String query) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("query", quote(query));
    params.put("order_by", quote("asc"));
    List<IncludedTx> out = new ArrayList<>();
    for (JsonNode r : call("tx_search", params).path("txs")) {
      out.add(included(r));
    }
    return out;
  }

  /** The raw txs of block {@code height}, in block order. */
  public List<byte[]> blockTxs(long height) {
    List<byte[]> out = new ArrayList<>();
    for (JsonNode tx : block(height).path("block").path("data").path("txs")) {
      out.add(bytes(tx));
    }
    return out;
  }

  private static IncludedTx included(JsonNode r) {
    return new IncludedTx(
        txResult(r.path("hash").asText(), r.path("height").asLong(), r.path("tx_result")),
        bytes(r.path("tx")));
  }

  /** Calls {@code method} with URI-encoded {@code params}; returns the JSON-RPC {@code result}. */
  public JsonNode call(String method, Map<String, String> params) {
    return call(method, params, timeout);
  }

  private JsonNode call(String method, Map<String, String> params, Duration callTimeout) {
    URI uri = base.resolve(method + query(params));
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(callTimeout).GET().build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpConnectTimeoutException e) {
      throw new RpcException("timed out connecting to CometBFT RPC at " + base + " " + hint(), e);
    } catch (HttpTimeoutException e) {
      throw new RpcException(
          "CometBFT RPC at "
              + base
              + " did not answer '"
              + method
              + "' within "
              + callTimeout.toSeconds()
              + " s",
          e);
    } catch (ConnectException e) {
      throw new RpcException(
          "cannot connect to CometBFT RPC at " + base + ": connection refused " + hint(), e);
    } catch (IOException e) {
      throw new RpcException(
          "CometBFT RPC call '" + method + "' to " + base + " failed: " + describe(e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RpcException("interrupted while calling CometBFT RPC at " + base, e);
    }
    return parse(method, response);
  }

  private JsonNode parse(String method, HttpResponse<String> response) {
    JsonNode doc;
    try {
      doc = JSON.readTree(response.body());
    } catch (IOException e) {
      throw new RpcException(
          "CometBFT RPC at "
              + base
              + " answered '"
              + method
              + "' with HTTP "
              + response.statusCode()
              + " and a body that is not JSON: "
              + abbreviate(response.body()),
          e);
    }
    JsonNode error = doc.get("error");
    if (error != null && !error.isNull()) {
      throw new JsonRpcErrorException(
          "CometBFT RPC '"
              + method
              + "' at "
              + base
              + " failed: "
              + error.path("message").asText()
              + (error.path("data").asText().isEmpty() ? "" : ": " + error.path("data").asText()));
    }
    JsonNode result = doc.get("result");
    if (result == null || response.statusCode() != 200) {
      throw new RpcException(
          "CometBFT RPC at "
              + base
              + " answered '"
              + method
              + "' with HTTP "
              + response.statusCode()
              + ": "
              + abbreviate(response.body()));
    }
    return result;
  }

  private static TxResult txResult(String hash, long height, JsonNode result) {
    List<TxEvent> events = new ArrayList<>();
    for (JsonNode event : result.path("events")) {
      Map<String, String> attributes = new LinkedHashMap<>();
      for (JsonNode attribute : event.path("attributes")) {
        attributes.put(attribute.path("key").asText(), attribute.path("value").asText());
      }
      events.add(new TxEvent(event.path("type").asText(), attributes));
    }
    return new TxResult(
        hash.toUpperCase(Locale.ROOT),
        height,
        result.path("code").asInt(),
        result.path("codespace").asText(),
        result.path("log").asText(),
        events);
  }

  private static String query(Map<String, String> params) {
    if (params.isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, String> e : params.entrySet()) {
      sb.append(sb.isEmpty() ? '?' : '&')
          .append(e.getKey())
          .append('=')
          .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
    }
    return sb.toString();
  }

  private static String quote(String s) {
    return '"' + s + '"';
  }

  private static String hex(byte[] bytes) {
    return "0x" + HEX.formatHex(bytes);
  }

  /** Base64 bytes as CometBFT writes them; empty bytes come as {@code null} or are left out. */
  private static byte[] bytes(JsonNode node) {
    return node.isTextual() ? decodeBase64(node.asText()) : new byte[0];
  }

  private static byte[] decodeBase64(String text) {
    return text.isEmpty() ? new byte[0] : Base64.getDecoder().decode(text);
  }

  private static String hint() {
    return "(is the node running? 'bin/sprint testnet status' shows the local testnet)";
  }

  private static String describe(IOException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static String abbreviate(String body) {
    String oneLine = body.replaceAll("\\s+", " ").trim();
    return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 300) + "...";
  }

  @Override
  public void close() {
    http.close();
  }

  /** The node answered with a JSON-RPC error object (the node is up; the call was refused). */
  public static final class JsonRpcErrorException extends RpcException {
    JsonRpcErrorException(String message) {
      super(message);
    }
  }
}
