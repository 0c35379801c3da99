package org.sprintchain.testnet;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Loopback port layout of a local testnet. Node {@code i} uses {@code base + 10*i} for p2p, {@code
 * base + 10*i + 1} for RPC and {@code base + 10*i + 2} for ABCI, so with the default base 26656
 * node 0 has CometBFT's usual ports (26656/26657/26658), node 1 has 26666/26667/26668, and so on.
 */
public final class PortAllocator {
  public static final int DEFAULT_BASE_PORT = 26656;
  public static final int STRIDE = 10;
  public static final int MAX_NODES = 100;
  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  private PortAllocator() {}

  public static List<NodePorts> layout(int basePort, int nodes) {
    if (nodes < 1 || nodes > MAX_NODES) {
      throw new IllegalArgumentException("nodes must be in [1, " + MAX_NODES + "], got " + nodes);
    }
    if (basePort < 1024 || basePort + STRIDE * (nodes - 1) + 3 > 65535) {
      throw new IllegalArgumentException(
          "base port " + basePort + " leaves no room for " + nodes + " nodes below 65536");
    }
    List<NodePorts> ports = new ArrayList<>(nodes);
    for (int i = 0; i < nodes; i++) {
      int p = basePort + STRIDE * i;
      ports.add(new NodePorts(p, p + 1, p + 2));
    }
    return ports;
  }

  /**
   * Refuses when any port of the layout is taken, naming the port, the node and its role.
   *
   * @throws TestnetException for the first port in use
   */
  public static void requireFree(List<NodePorts> layout) {
    for (int i = 0; i < layout.size(); i++) {
      requireFree("node" + i, layout.get(i));
    }
  }

  /** Refuses when a port of one node is taken, naming it with {@code node} and its role. */
  public static void requireFree(String node, NodePorts p) {
    requireFree(p.p2p(), node + " p2p");
    requireFree(p.rpc(), node + " rpc");
    requireFree(p.abci(), node + " abci");
    requireFree(p.http(), node + " http");
  }

  private static void requireFree(int port, String role) {
    if (!isFree(port)) {
      throw new TestnetException(
          "port "
              + port
              + " ("
              + role
              + ") on 127.0.0.1 is already in use; stop whatever holds it (e.g. 'ss -ltnp | grep "
              + port
              + "') or create the testnet with another --base-port");
    }
  }

  /**
   * True when nothing listens on 127.0.0.1:{@code port} (we can bind it ourselves). Binds with
   * {@code SO_REUSEADDR}, as CometBFT's and the app's listeners do, so that connections of a
   * just-killed node still in TIME_WAIT do not count as taken.
   */
  public static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(LOOPBACK, port), 1);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Finds a base port whose whole layout for {@code nodes} nodes is free, scanning upwards from
   * {@code from} (below the Linux ephemeral range when {@code from} is, e.g. 20000).
   */
  public static int findFreeBase(int nodes, int from) {
    int span = STRIDE * nodes;
    for (int base = from; base + span < 65535; base += span) {
      boolean free = true;
      for (NodePorts p : layout(base, nodes)) {
        if (!isFree(p.p2p()) || !isFree(p.rpc()) || !isFree(p.abci()) || !isFree(p.http())) {
          free = false;
          break;
        }
      }
      if (free) {
        return base;
      }
    }
    throw new TestnetException("no free block of " + span + " loopback ports from " + from);
  }

  /**
   * True when some process listens on {@code port} on loopback or any address. Reads the kernel's
   * socket table on Linux, so it never opens a connection to the listener; elsewhere it connects.
   */
  public static boolean isListening(int port) {
    Path tcp = Path.of("/proc/net/tcp");
    if (Files.isReadable(tcp)) {
      return listensIn(tcp, port) || listensIn(Path.of("/proc/net/tcp6"), port);
    }
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(LOOPBACK, port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean listensIn(Path table, int port) {
    String suffix = String.format(Locale.ROOT, ":%04X", port);
    try {
      for (String line : Files.readAllLines(table)) {
        String[] f = line.trim().split("\\s+");
        // f[1] = local address (hex ip:port), f[3] = state; 0A is LISTEN
        if (f.length > 3 && f[1].endsWith(suffix) && "0A".equals(f[3])) {
          return true;
        }
      }
    } catch (IOException e) {
      return false;
    }
    return false;
  }
}
