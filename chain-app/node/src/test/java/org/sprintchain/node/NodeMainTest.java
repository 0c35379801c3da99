package org.sprintchain.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.sprintchain.store.StoreOptions;

class NodeMainTest {
  @Test
  void parsesHomeAndDefaultsTheAbciAddress() {
    NodeMain.Options options = NodeMain.parse(new String[] {"--home", "/tmp/n0"});
    assertEquals(Path.of("/tmp/n0"), options.home());
    assertEquals("tcp://127.0.0.1:26658", options.abci());
    assertEquals(
        "unix:///tmp/app.sock",
        NodeMain.parse(new String[] {"--abci", "unix:///tmp/app.sock", "--home", "h"}).abci());
  }

  @Test
  void helpWinsAndBadArgumentsAreNamed() {
    assertNull(NodeMain.parse(new String[] {"--help"}));
    assertNull(NodeMain.parse(new String[] {"--home", "x", "-h"}));
    assertEquals(
        "--home is required",
        assertThrows(IllegalArgumentException.class, () -> NodeMain.parse(new String[0]))
            .getMessage());
    assertEquals(
        "--home needs a value",
        assertThrows(IllegalArgumentException.class, () -> NodeMain.parse(new String[] {"--home"}))
            .getMessage());
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> NodeMain.parse(new String[] {"--home", "x", "--port", "1"}))
            .getMessage()
            .contains("--port"));
    assertThrows(
        IllegalArgumentException.class,
        () -> NodeMain.parse(new String[] {"--home", "x", "--abci", "http://x:1"}));
  }

  @Test
  void usageNamesEveryFlag() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    NodeMain.usage(new PrintStream(out, true, StandardCharsets.UTF_8));
    String text = out.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("--home") && text.contains("--abci") && text.contains("--help"));
  }

  @Test
  void pruningFlagsBuildTheStoreOptions() {
    assertEquals(StoreOptions.archive(), NodeMain.parse(new String[] {"--home", "h"}).pruning());
    assertEquals(
        StoreOptions.pruning(100, 1000),
        NodeMain.parse(
                new String[] {
                  "--home",
                  "h",
                  "--keep-recent",
                  "100",
                  "--keep-every",
                  "1000",
                  "--snapshot-interval",
                  "0"
                })
            .pruning());
    assertThrows(
        IllegalArgumentException.class,
        () -> NodeMain.parse(new String[] {"--home", "h", "--keep-every", "10"}));
    assertThrows(
        IllegalArgumentException.class,
        () -> NodeMain.parse(new String[] {"--home", "h", "--keep-recent", "-1"}));
    assertThrows(
        IllegalArgumentException.class,
        () -> NodeMain.parse(new String[] {"--home", "h", "--keep-recent", "ten"}));
  }

  @Test
  void snapshotFlagsDefaultToEvery100VersionsAndRefuseAPruningThatWouldLoseThem() {
    assertEquals(SnapshotPolicy.DEFAULT, NodeMain.parse(new String[] {"--home", "h"}).snapshots());
    assertEquals(
        new SnapshotPolicy(5, 3, 1024),
        NodeMain.parse(
                new String[] {
                  "--home",
                  "h",
                  "--snapshot-interval",
                  "5",
                  "--snapshot-keep",
                  "3",
                  "--snapshot-chunk-bytes",
                  "1024"
                })
            .snapshots());
    assertEquals(
        false,
        NodeMain.parse(new String[] {"--home", "h", "--snapshot-interval", "0"})
            .snapshots()
            .enabled());
    // Pruning that keeps snapshot versions: checkpoints dividing the interval, or a wide window.
    NodeMain.parse(new String[] {"--home", "h", "--keep-recent", "10", "--keep-every", "50"});
    NodeMain.parse(new String[] {"--home", "h", "--keep-recent", "300"});
    String refused =
        assertThrows(
                IllegalArgumentException.class,
                () -> NodeMain.parse(new String[] {"--home", "h", "--keep-recent", "100"}))
            .getMessage();
    assertTrue(
        refused.contains("--keep-every") && refused.contains(">= 300"),
        "names the fixes: " + refused);
    assertThrows(
        IllegalArgumentException.class,
        () ->
            NodeMain.parse(
                new String[] {"--home", "h", "--keep-recent", "10", "--keep-every", "30"}));
    assertThrows(
        IllegalArgumentException.class,
        () -> NodeMain.parse(new String[] {"--home", "h", "--snapshot-keep", "0"}));
    assertThrows(
        IllegalArgumentException.class,
        () -> NodeMain.parse(new String[] {"--home", "h", "--snapshot-chunk-bytes", "0"}));
    assertThrows(
        IllegalArgumentException.class,
        () -> NodeMain.parse(new String[] {"--home", "h", "--snapshot-chunk-bytes", "16777216"}));
  }
}
