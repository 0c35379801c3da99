package org.sprintchain.node.http;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CometBFT RPC on a loopback port with canned answers: {@code abci_query} by path (JSON value),
 * other methods by a function of the decoded query string (the JSON-RPC {@code result}). An unknown
 * query path answers code 105, an unknown method a JSON-RPC error.
 */
final class FakeCometRpc implements AutoCloseable {
  private static final Pattern PATH = Pattern.compile("path=\"([^\"]*)\"");

  private final HttpServer server;
  private final Map<String, Function<String, String>> queries = new ConcurrentHashMap<>();
  private final Map<String, Function<String, String>> methods = new ConcurrentHashMap<>();

  FakeCometRpc() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String method = exchange.getRequestURI().getPath().substring(1);
          String raw = exchange.getRequestURI().getRawQuery();
          String q = raw == null ? "" : URLDecoder.decode(raw, StandardCharsets.UTF_8);
          String body;
          if (method.equals("abci_query")) {
            Matcher m = PATH.matcher(q);
            Function<String, String> answer = queries.get(m.find() ? m.group(1) : "");
            String response =
                answer == null
                    ? "{\"code\":105,\"log\":\"unknown path\",\"height\":\"9\"}"
                    : "{\"code\":0,\"log\":\"\",\"height\":\"9\",\"value\":\""
                        + Base64.getEncoder()
                            .encodeToString(answer.apply(q).getBytes(StandardCharsets.UTF_8))
                        + "\"}";
            body = ok("{\"response\":" + response + "}");
          } else if (methods.containsKey(method)) {
            body = methods.get(method).apply(q);
          } else {
            body = error("method " + method + " not found");
          }
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    server.start();
  }

  static String ok(String result) {
    return "{\"jsonrpc\":\"2.0\",\"id\":-1,\"result\":" + result + "}";
  }

  static String error(String data) {
    return "{\"jsonrpc\":\"2.0\",\"id\":-1,\"error\":{\"code\":-32603,\"message\":\"Internal"
        + " error\",\"data\":\""
        + data
        + "\"}}";
  }

  FakeCometRpc query(String path, Function<String, String> json) {
    queries.put(path, json);
    return this;
  }

  /** {@code method} answers {@code body(query)}: a whole JSON-RPC document. */
  FakeCometRpc method(String method, Function<String, String> body) {
    methods.put(method, body);
    return this;
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
