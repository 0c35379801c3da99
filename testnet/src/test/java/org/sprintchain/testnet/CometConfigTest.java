package org.sprintchain.testnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CometConfigTest {
  /** The config.toml that CometBFT v0.38.25's {@code init} writes. */
  private static String initConfig() throws IOException {
    try (InputStream in =
        CometConfigTest.class.getResourceAsStream("/cometbft-v0.38-config.toml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void keysAreAddressedBySection() throws IOException {
    CometConfig config = CometConfig.parse(initConfig());
    assertEquals(Optional.of("tcp://127.0.0.1:26657"), config.getString("rpc", "laddr"));
    assertEquals(Optional.of("tcp://0.0.0.0:26656"), config.getString("p2p", "laddr"));
    assertEquals(Optional.of("tcp://127.0.0.1:26658"), config.getString("", "proxy_app"));
    assertEquals(Optional.empty(), config.get("rpc", "no_such_key"));
  }

  @Test
  void appliesTheLocalNodeSettings() throws IOException {
    NodePorts ports = new NodePorts(30010, 30011, 30012);
    CometConfig config =
        CometConfig.parse(initConfig())
            .applyLocalNode(
                "node1",
                ports,
                ports.abciAddress(),
                List.of("aa@127.0.0.1:30000", "bb@127.0.0.1:30020"),
                Duration.ofMillis(500));

    CometConfig reread = CometConfig.parse(config.render());
    assertEquals(Optional.of("node1"), reread.getString("", "moniker"));
    assertEquals(Optional.of("tcp://127.0.0.1:30012"), reread.getString("", "proxy_app"));
    assertEquals(Optional.of("tcp://127.0.0.1:30011"), reread.getString("rpc", "laddr"));
    assertEquals(Optional.of("tcp://127.0.0.1:30010"), reread.getString("p2p", "laddr"));
    assertEquals(
        Optional.of("aa@127.0.0.1:30000,bb@127.0.0.1:30020"),
        reread.getString("p2p", "persistent_peers"));
    assertEquals(Optional.of("false"), reread.get("p2p", "addr_book_strict"));
    assertEquals(Optional.of("true"), reread.get("p2p", "allow_duplicate_ip"));
    assertEquals(Optional.of("500ms"), reread.getString("consensus", "timeout_commit"));
    assertEquals(Optional.of("true"), reread.get("consensus", "create_empty_blocks"));
    assertEquals(Optional.of("kv"), reread.getString("tx_index", "indexer"));
    assertEquals(Optional.of(""), reread.getString("rpc", "pprof_laddr"));
    // untouched keys keep their values, comments stay
    assertEquals(Optional.of("\"3s\""), reread.get("consensus", "timeout_propose"));
    assertTrue(config.render().contains("# TCP or UNIX socket address of the ABCI application"));
  }

  @Test
  void settingAMissingKeyFailsLoudly() throws IOException {
    CometConfig config = CometConfig.parse(initConfig());
    TestnetException e =
        assertThrows(TestnetException.class, () -> config.setString("rpc", "lladdr", "x"));
    assertTrue(e.getMessage().contains("'lladdr'"), e.getMessage());
    assertThrows(TestnetException.class, () -> config.setBoolean("nosection", "laddr", true));
  }

  @Test
  void refusesValuesThatWouldBreakTheToml() throws IOException {
    CometConfig config = CometConfig.parse(initConfig());
    assertThrows(IllegalArgumentException.class, () -> config.setString("", "moniker", "a\"b"));
  }
}
