package org.sprintchain.node.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sprintchain.client.CometRpcClient;

/**
 * The node's OpenAI-compatible inference API on the JDK's HTTP server: {@code GET /v1/models},
 * {@code GET /v1/models/<id>} and {@code POST /v1/embeddings}. It holds no keys; each embeddings
 * call carries the developer's signed request tx. One virtual thread per exchange, since a call
 * mostly waits for blocks; at most {@code maxInFlight} embeddings calls at once.
 */
@SuppressForbidden
public final class InferenceHttpServer implements AutoCloseable {
  static final Duration POLL = Duration.ofMillis(250);
  private static final Logger LOG = LoggerFactory.getLogger(InferenceHttpServer.class);
  private static final String MODELS = "/v1/models";
  private static final String EMBEDDINGS = "/v1/embeddings";

  private final HttpApiOptions options;
  private final CometRpcClient rpc;
  private final EmbeddingService service;
  private final Semaphore inFlight;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private HttpServer server;

  public InferenceHttpServer(HttpApiOptions options) {
    this(options, POLL);
  }

  InferenceHttpServer(HttpApiOptions options, Duration poll) {
    this.options = options;
    this.rpc = new CometRpcClient(options.rpc());
    this.service = new EmbeddingService(rpc, options.jobTimeout(), poll, options.maxBodyBytes());
    this.inFlight = new Semaphore(options.maxInFlight());
  }

  /** Binds and serves; returns the bound address (port 0 picks a free one). */
  public synchronized InetSocketAddress start() throws IOException {
    server = HttpServer.create(options.bind(), 64);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
    InetSocketAddress bound = server.getAddress();
    LOG.info(
        "Inference API on http://{}:{}/v1 (CometBFT RPC {})",
        bound.getHostString(),
        bound.getPort(),
        options.rpc());
    return bound;
  }

  private void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    try (exchange) {
      try {
        if (path.equals(EMBEDDINGS)) {
          if (!method.equals("POST")) {
            throw ApiError.methodNotAllowed(method, path).failure();
          }
          reply(exchange, 200, embeddings(exchange));
        } else if (path.equals(MODELS) || path.startsWith(MODELS + "/")) {
          if (!method.equals("GET")) {
            throw ApiError.methodNotAllowed(method, path).failure();
          }
          String id = path.length() > MODELS.length() ? path.substring(MODELS.length() + 1) : "";
          reply(exchange, 200, id.isEmpty() ? service.models() : service.model(id));
        } else {
          throw ApiError.notFound(path).failure();
        }
      } catch (ApiError.Failure f) {
        ApiError e = f.error();
        if (e.status() >= 500) {
          LOG.warn("{} {} answered {}: {}", method, path, e.status(), e.message());
        }
        reply(exchange, e.status(), OpenAiJson.error(e));
      } catch (RuntimeException e) {
        LOG.error("{} {} failed", method, path, e);
        reply(
            exchange,
            500,
            OpenAiJson.error(ApiError.of(500, "api_error", "internal_error", e.toString())));
      }
    }
  }

  private ObjectNode embeddings(HttpExchange exchange) throws IOException {
    if (!inFlight.tryAcquire()) {
      throw ApiError.busy(options.maxInFlight()).failure();
    }
    try {
      return service.embed(EmbeddingRequest.parse(body(exchange, options.maxBodyBytes())));
    } finally {
      inFlight.release();
    }
  }

  /** Reads at most {@code limit} bytes; a longer body is refused before it is all read. */
  static byte[] body(HttpExchange exchange, int limit) throws IOException {
    String declared = exchange.getRequestHeaders().getFirst("Content-Length");
    if (declared != null) {
      try {
        if (Long.parseLong(declared.trim()) > limit) {
          throw ApiError.tooLarge(limit).failure();
        }
      } catch (NumberFormatException e) {
        throw ApiError.badRequest("invalid_request", "bad Content-Length").failure();
      }
    }
    try (InputStream in = exchange.getRequestBody()) {
      byte[] bytes = in.readNBytes(limit + 1);
      if (bytes.length > limit) {
        throw ApiError.tooLarge(limit).failure();
      }
      return bytes;
    }
  }

  private static void reply(HttpExchange exchange, int status, ObjectNode json) throws IOException {
    byte[] body = OpenAiJson.JSON.writeValueAsBytes(json);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public synchronized void close() {
    if (server != null) {
      server.stop(0);
      server = null;
    }
    executor.shutdownNow();
    rpc.close();
  }
}
