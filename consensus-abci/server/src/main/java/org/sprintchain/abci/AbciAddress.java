package org.sprintchain.abci;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Path;

/**
 * Where the ABCI server listens, written the way CometBFT's {@code proxy_app} setting writes it:
 * {@code tcp://127.0.0.1:26658} or {@code unix:///var/run/sprint/app.sock}. As in CometBFT, an
 * address without a scheme is TCP.
 */
public sealed interface AbciAddress permits AbciAddress.Tcp, AbciAddress.Unix {

  /** The socket address to bind or connect to. */
  SocketAddress socketAddress();

  /**
   * Parses an address string.
   *
   * @throws IllegalArgumentException if the scheme is unknown or the host, port or path is bad
   */
  static AbciAddress parse(String text) {
    String trimmed = text.strip();
    int schemeEnd = trimmed.indexOf("://");
    String scheme = schemeEnd < 0 ? "tcp" : trimmed.substring(0, schemeEnd);
    String rest = schemeEnd < 0 ? trimmed : trimmed.substring(schemeEnd + 3);
    return switch (scheme) {
      case "tcp" -> Tcp.parseHostPort(rest, text);
      case "unix" -> {
        if (rest.isEmpty()) {
          throw new IllegalArgumentException("unix ABCI address has no path: '" + text + "'");
        }
        yield new Unix(Path.of(rest));
      }
      default ->
          throw new IllegalArgumentException(
              "unknown ABCI address scheme '" + scheme + "' in '" + text + "' (want tcp or unix)");
    };
  }

  /** A TCP address; port 0 asks the OS for a free port (see {@link AbciSocketServer#start()}). */
  record Tcp(String host, int port) implements AbciAddress {
    public Tcp {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("TCP port out of range: " + port);
      }
    }

    private static Tcp parseHostPort(String hostPort, String original) {
      int colon = hostPort.lastIndexOf(':');
      if (colon < 0) {
        throw new IllegalArgumentException("TCP ABCI address needs host:port: '" + original + "'");
      }
      String host = hostPort.substring(0, colon);
      if (host.startsWith("[") && host.endsWith("]")) {
        host = host.substring(1, host.length() - 1);
      }
      int port;
      try {
        port = Integer.parseInt(hostPort.substring(colon + 1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("bad TCP port in ABCI address '" + original + "'", e);
      }
      return new Tcp(host.isEmpty() ? "0.0.0.0" : host, port);
    }

    @Override
    public SocketAddress socketAddress() {
      return new InetSocketAddress(host, port);
    }

    @Override
    public String toString() {
      return "tcp://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
  }

  /** A unix domain socket file. */
  record Unix(Path path) implements AbciAddress {
    @Override
    public SocketAddress socketAddress() {
      return UnixDomainSocketAddress.of(path);
    }

    @Override
    public String toString() {
      return "unix://" + path;
    }
  }
}
