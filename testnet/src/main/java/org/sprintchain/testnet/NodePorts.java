package org.sprintchain.testnet;

/**
 * The loopback ports of one node: CometBFT p2p and RPC, and the app's ABCI socket; the app's
 * inference HTTP API listens on {@link #http()}, p2p + 3 (derived, so manifests keep three ports).
 */
public record NodePorts(int p2p, int rpc, int abci) {
  public NodePorts {
    check("p2p", p2p);
    check("rpc", rpc);
    check("abci", abci);
  }

  private static void check(String name, int port) {
    if (port < 1024 || port > 65535) {
      throw new IllegalArgumentException(name + " port must be in [1024, 65535], got " + port);
    }
  }

  /** The app's OpenAI-compatible inference API: p2p + 3. */
  public int http() {
    return p2p + 3;
  }

  public String httpUrl() {
    return "http://127.0.0.1:" + http();
  }

  public String rpcUrl() {
    return "http://127.0.0.1:" + rpc;
  }

  public String abciAddress() {
    return "tcp://127.0.0.1:" + abci;
  }
}
