package org.sprintchain.abci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our server behind a real CometBFT v0.38 node: the node must handshake, produce blocks, and get a
 * {@code broadcast_tx_commit} through CheckTx, PrepareProposal, FinalizeBlock and Commit.
 */
@Timeout(120)
class AbciSocketServerIntegrationTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final Pattern TX_HEIGHT = Pattern.compile("\"height\":\"(\\d+)\"");
  private static final Pattern QUERY_VALUE = Pattern.compile("\"value\":\"([^\"]*)\"");

  private static Path cometbft;

  @TempDir Path dir;

  @BeforeAll
  static void findCometBft() {
    String property = System.getProperty("sprint.cometbft", "");
    assumeTrue(!property.isEmpty(), "system property sprint.cometbft not set");
    cometbft = Path.of(property);
    assumeTrue(Files.isExecutable(cometbft), "no cometbft binary at " + cometbft);
  }

  @ParameterizedTest
  @ValueSource(strings = {"tcp", "unix"})
  void cometBftProducesBlocksAndCommitsATx(String transport) throws Exception {
    AbciAddress requested =
        transport.equals("tcp")
            ? AbciAddress.parse("tcp://127.0.0.1:0")
            : AbciAddress.parse("unix://" + dir.resolve("app.sock"));
    CountingKvApplication app = new CountingKvApplication();
    try (AbciSocketServer server = new AbciSocketServer(requested, app)) {
      AbciAddress address = server.start();
      try (CometBftProcess node = CometBftProcess.start(cometbft, dir.resolve("home"), address)) {
        assertTrue(node.awaitHeight(3, WAIT), () -> "no height 3 within " + WAIT + node.logTail());
        assertTrue(app.finalizedBlocks() >= 3, "FinalizeBlock was not called per block");
        assertEquals(4, server.openConnections(), "CometBFT opens four ABCI connections");

        byte[] tx = ("key=value-" + transport).getBytes(StandardCharsets.UTF_8);
        String committed = node.rpc("/broadcast_tx_commit?tx=0x" + HexFormat.of().formatHex(tx));
        Matcher height = TX_HEIGHT.matcher(committed);
        assertTrue(height.find() && Long.parseLong(height.group(1)) > 0, committed);
        assertTrue(committed.contains("\"tx_result\""), committed);
        assertTrue(app.committedTxs().contains(ByteString.copyFrom(tx)), "tx not committed");

        // The query connection works too: abci_query reaches Query through our server.
        String query = node.rpc("/abci_query?path=%22/count%22");
        Matcher value = QUERY_VALUE.matcher(query);
        assertTrue(value.find(), query);
        assertEquals(1, ByteBuffer.wrap(Base64.getDecoder().decode(value.group(1))).getLong());
      }
    }
  }
}
