package org.sprintchain.testnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalTestnetTest {
  @TempDir Path tmp;

  @Test
  void missingCometBftPointsToTheInstaller() {
    TestnetConfig config =
        TestnetConfig.of(tmp.resolve("net"), 1)
            .withCometBft(new CometBft(tmp.resolve("no/cometbft")));
    TestnetException e = assertThrows(TestnetException.class, () -> LocalTestnet.init(config));
    assertTrue(e.getMessage().contains("bin/sprint install-cometbft"), e.getMessage());
    assertFalse(Files.exists(tmp.resolve("net")));
  }

  @Test
  void refusesAFolderThatHoldsSomethingElse() throws IOException {
    Path fake = tmp.resolve("cometbft");
    Files.writeString(fake, "#!/bin/sh\n");
    fake.toFile().setExecutable(true);
    Path dir = tmp.resolve("busy");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("precious.txt"), "keep me");

    TestnetConfig config = TestnetConfig.of(dir, 1).withCometBft(new CometBft(fake));
    TestnetException e = assertThrows(TestnetException.class, () -> LocalTestnet.init(config));
    assertTrue(e.getMessage().contains("not an empty folder"), e.getMessage());
    assertTrue(Files.exists(dir.resolve("precious.txt")));
  }

  @Test
  void openingAFolderWithoutTestnetSaysHowToCreateOne() {
    TestnetException e = assertThrows(TestnetException.class, () -> LocalTestnet.open(tmp));
    assertTrue(e.getMessage().contains("bin/sprint testnet up"), e.getMessage());
  }

  @Test
  void nodesGetAnAbsoluteClassPathAndTheNodeMainCommand() {
    String cp = AppLauncher.absolute("lib/a.jar" + java.io.File.pathSeparator + "/abs/b.jar");
    assertTrue(cp.startsWith(Path.of("lib/a.jar").toAbsolutePath().toString()), cp);
    assertTrue(cp.endsWith(java.io.File.pathSeparator + "/abs/b.jar"), cp);

    AppLauncher launcher = new AppLauncher("/jdk/bin/java", "/x.jar", java.util.List.of("-Xmx1g"));
    assertEquals(
        java.util.List.of(
            "/jdk/bin/java",
            "-Xmx1g",
            "-cp",
            "/x.jar",
            "org.sprintchain.node.NodeMain",
            "--home",
            "/d/node0",
            "--abci",
            "tcp://127.0.0.1:26658"),
        launcher.command(Path.of("/d/node0"), new NodePorts(26656, 26657, 26658)));
  }
}
