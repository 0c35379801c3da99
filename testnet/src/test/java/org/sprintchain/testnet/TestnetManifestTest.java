package org.sprintchain.testnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestnetManifestTest {
  @TempDir Path dir;

  @Test
  void roundTrips() throws IOException {
    TestnetManifest m =
        new TestnetManifest(
            TestnetManifest.FORMAT,
            "sprint-localnet",
            TestnetConfig.App.SPRINT,
            26656,
            500,
            "spr1xyz",
            List.of(new TestnetManifest.Node("node0", "abcd", new NodePorts(26656, 26657, 26658))));
    m.write(dir);

    assertEquals(m, TestnetManifest.read(dir));
    assertTrue(Files.readString(dir.resolve("testnet.json")).contains("\"chain_id\""));
  }

  @Test
  void keepsTheSprintSettingsAndReadsOldFilesWithTheDefaults() throws IOException {
    TestnetManifest m =
        new TestnetManifest(
            TestnetManifest.FORMAT,
            "sprint-localnet",
            TestnetConfig.App.SPRINT,
            26656,
            500,
            "spr1xyz",
            List.of(new TestnetManifest.Node("node0", "abcd", new NodePorts(26656, 26657, 26658))),
            new SprintSettings(20, SprintSettings.Preset.CPU_SMALL));
    m.write(dir);
    assertEquals(m, TestnetManifest.read(dir));

    String json = Files.readString(dir.resolve("testnet.json"));
    String old = json.replaceAll("(?s),\\s*\"sprint\"\\s*:\\s*\\{[^}]*}", "");
    assertTrue(!old.contains("sprint\""), old);
    Files.writeString(dir.resolve("testnet.json"), old);
    assertEquals(SprintSettings.DEFAULT, TestnetManifest.read(dir).sprint());
  }

  @Test
  void missingManifestPointsToTestnetUp() {
    TestnetException e = assertThrows(TestnetException.class, () -> TestnetManifest.read(dir));
    assertTrue(e.getMessage().contains("testnet up"), e.getMessage());
  }
}
