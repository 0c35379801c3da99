package org.sprintchain.testnet;

/** The loopback ports of one node: CometBFT p2p and RPC, and the app's ABCI socket. */
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

  public String rpcUrl() {
    return "http://127.0.0.1:" + rpc;
  }

  public String abciAddress() {
    return "tcp://127.0.0.1:" + abci;
  }
}
