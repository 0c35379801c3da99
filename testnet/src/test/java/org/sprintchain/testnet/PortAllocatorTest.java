package org.sprintchain.testnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

class PortAllocatorTest {
  @Test
  void defaultLayoutStartsWithCometBftsUsualPorts() {
    List<NodePorts> ports = PortAllocator.layout(PortAllocator.DEFAULT_BASE_PORT, 3);
    assertEquals(new NodePorts(26656, 26657, 26658), ports.get(0));
    assertEquals(new NodePorts(26666, 26667, 26668), ports.get(1));
    assertEquals(new NodePorts(26676, 26677, 26678), ports.get(2));
    assertEquals("http://127.0.0.1:26667", ports.get(1).rpcUrl());
    assertEquals("tcp://127.0.0.1:26678", ports.get(2).abciAddress());
  }

  @Test
  void refusesLayoutsOutOfRange() {
    assertThrows(IllegalArgumentException.class, () -> PortAllocator.layout(26656, 0));
    assertThrows(IllegalArgumentException.class, () -> PortAllocator.layout(80, 1));
    assertThrows(IllegalArgumentException.class, () -> PortAllocator.layout(65530, 2));
  }

  @Test
  void namesTheTakenPortAndItsRole() throws IOException {
    int base = PortAllocator.findFreeBase(2, 21000);
    List<NodePorts> layout = PortAllocator.layout(base, 2);
    PortAllocator.requireFree(layout);
    try (ServerSocket taken =
        new ServerSocket(layout.get(1).rpc(), 1, InetAddress.getLoopbackAddress())) {
      assertFalse(PortAllocator.isFree(taken.getLocalPort()));
      assertTrue(PortAllocator.isListening(taken.getLocalPort()));
      TestnetException e =
          assertThrows(TestnetException.class, () -> PortAllocator.requireFree(layout));
      assertTrue(
          e.getMessage().contains("port " + layout.get(1).rpc() + " (node1 rpc)"), e.getMessage());
    }
  }

  @Test
  void aClosedPortIsNotListening() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    assertFalse(PortAllocator.isListening(port));
    assertTrue(PortAllocator.isFree(port));
  }
}
