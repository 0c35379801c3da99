package org.sprintchain.node.http;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * NodeMain's flags for the HTTP endpoint, off unless {@code --http} is given. Its RPC is {@code
 * --http-rpc}, else the worker's {@code --rpc}.
 */
public final class HttpApiFlags {
  public static final String USAGE =
      String.join(
          "\n",
          "  OpenAI-compatible inference API (off unless --http is given):",
          "  --http HOST:PORT       serve GET /v1/models and POST /v1/embeddings (e.g.",
          "                         127.0.0.1:26659; a bare PORT binds 127.0.0.1)",
          "  --http-rpc URL         CometBFT RPC it broadcasts through (default: --rpc)",
          "  --http-timeout S       seconds a call waits for its job to settle (default 60)",
          "  --http-max-body B      largest request body in bytes (default 1048576)");

  private String bind;
  private String rpc;
  private String workerRpc;
  private long timeoutSeconds = HttpApiOptions.DEFAULT_JOB_TIMEOUT.toSeconds();
  private long maxBody = HttpApiOptions.DEFAULT_MAX_BODY_BYTES;

  public boolean accepts(String flag) {
    return switch (flag) {
      case "--http", "--http-rpc", "--http-timeout", "--http-max-body" -> true;
      default -> false;
    };
  }

  public void set(String flag, String value) {
    switch (flag) {
      case "--http" -> bind = value;
      case "--http-rpc" -> rpc = value;
      case "--http-timeout" -> timeoutSeconds = positive(flag, value);
      case "--http-max-body" -> maxBody = positive(flag, value);
      default -> throw new IllegalArgumentException("unknown HTTP API flag " + flag);
    }
  }

  /** Sees every worker flag, to reuse its {@code --rpc}. */
  public void seeWorkerFlag(String flag, String value) {
    if (flag.equals("--rpc")) {
      workerRpc = value;
    }
  }

  /**
   * @throws IllegalArgumentException when a value is malformed or no RPC is known
   */
  public Optional<HttpApiOptions> build() {
    if (bind == null) {
      if (rpc != null) {
        throw new IllegalArgumentException("--http-rpc needs --http");
      }
      return Optional.empty();
    }
    String url = rpc != null ? rpc : workerRpc;
    if (url == null) {
      throw new IllegalArgumentException("--http needs --http-rpc URL (or the worker's --rpc)");
    }
    URI uri = URI.create(url);
    if (uri.getScheme() == null || uri.getHost() == null) {
      throw new IllegalArgumentException("--http-rpc must be a URL like http://127.0.0.1:26657");
    }
    return Optional.of(
        new HttpApiOptions(
            address(bind),
            uri,
            Duration.ofSeconds(timeoutSeconds),
            (int) Math.min(maxBody, Integer.MAX_VALUE),
            HttpApiOptions.DEFAULT_MAX_IN_FLIGHT));
  }

  static InetSocketAddress address(String text) {
    int colon = text.lastIndexOf(':');
    String host = colon < 0 ? "127.0.0.1" : text.substring(0, colon);
    String port = colon < 0 ? text : text.substring(colon + 1);
    try {
      int p = Integer.parseInt(port);
      if (p < 0 || p > 65535 || host.isEmpty()) {
        throw new NumberFormatException();
      }
      return new InetSocketAddress(host, p);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--http needs HOST:PORT, got '" + text + "'");
    }
  }

  private static long positive(String flag, String value) {
    try {
      long n = Long.parseLong(value);
      if (n <= 0) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(flag + " needs a positive whole number, got " + value);
    }
  }
}
