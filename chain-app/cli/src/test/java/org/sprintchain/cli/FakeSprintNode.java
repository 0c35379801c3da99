package org.sprintchain.cli;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CometBFT RPC on a loopback port whose {@code abci_query} answers canned JSON by path; an
 * unknown path answers code 105 with {@link #log}, e.g. "this chain has no sprints".
 */
final class FakeSprintNode implements AutoCloseable {
  private static final Pattern PATH = Pattern.compile("path=\"([^\"]*)\"");

  private final HttpServer server;
  private final Map<String, String> answers = new ConcurrentHashMap<>();
  final List<String> paths = Collections.synchronizedList(new ArrayList<>());
  volatile String log = "unknown path";

  FakeSprintNode() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String query = exchange.getRequestURI().getRawQuery();
          String decoded = query == null ? "" : URLDecoder.decode(query, StandardCharsets.UTF_8);
          Matcher m = PATH.matcher(decoded);
          String path = m.find() ? m.group(1) : "";
          paths.add(path);
          String json = answers.get(path);
          String response =
              json == null
                  ? "{\"code\":105,\"log\":\"" + log + "\",\"value\":null,\"height\":\"40\"}"
                  : "{\"code\":0,\"log\":\"\",\"value\":\""
                      + Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8))
                      + "\",\"height\":\"40\"}";
          byte[] body =
              ("{\"jsonrpc\":\"2.0\",\"id\":-1,\"result\":{\"response\":" + response + "}}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }

  FakeSprintNode answer(String path, String json) {
    answers.put(path, json);
    return this;
  }

  /** Makes {@code path} answer code 105 again. */
  FakeSprintNode forget(String path) {
    answers.remove(path);
    return this;
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
