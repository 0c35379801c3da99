package org.sprintchain.client;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A fake CometBFT RPC on a loopback port: each method answers a JSON body built from the request
 * query string. Records every request line.
 */
final class StubCometRpc implements AutoCloseable {
  private final HttpServer server;
  private final Map<String, Function<String, String>> methods = new ConcurrentHashMap<>();
  final List<String> requests = java.util.Collections.synchronizedList(new ArrayList<>());

  StubCometRpc() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String method = exchange.getRequestURI().getPath().substring(1);
          String query = exchange.getRequestURI().getRawQuery();
          String decoded = query == null ? "" : URLDecoder.decode(query, StandardCharsets.UTF_8);
          requests.add(method + "?" + decoded);
          Function<String, String> handler = methods.get(method);
          byte[] body =
              (handler == null ? "404 page not found" : handler.apply(decoded))
                  .getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(handler == null ? 404 : 200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }

  /** Answers {@code method} with {@code {"jsonrpc":"2.0","id":-1,"result":<result>}}. */
  StubCometRpc result(String method, Function<String, String> result) {
    methods.put(method, q -> "{\"jsonrpc\":\"2.0\",\"id\":-1,\"result\":" + result.apply(q) + "}");
    return this;
  }

  StubCometRpc error(String method, String message, String data) {
    methods.put(
        method,
        q ->
            "{\"jsonrpc\":\"2.0\",\"id\":-1,\"error\":{\"code\":-32603,\"message\":\""
                + message
                + "\",\"data\":\""
                + data
                + "\"}}");
    return this;
  }

  StubCometRpc raw(String method, Function<String, String> body) {
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
