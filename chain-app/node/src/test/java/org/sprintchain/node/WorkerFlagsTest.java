package org.sprintchain.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.sprintchain.node.worker.ByzantineMode;
import org.sprintchain.node.worker.WorkerOptions;

class WorkerFlagsTest {
  private static NodeMain.Options parse(String... args) {
    return NodeMain.parse(args);
  }

  @Test
  void theWorkerRunsOnlyWithRpcAndKey() {
    assertTrue(parse("--home", "h").worker().isEmpty());
    WorkerOptions w =
        parse(
                "--home",
                "h",
                "--rpc",
                "http://127.0.0.1:26657",
                "--worker-key",
                "k.json",
                "--compute-share",
                "0.5",
                "--nonce-rate",
                "800",
                "--byzantine",
                "fake-winners")
            .worker()
            .orElseThrow();
    assertEquals(URI.create("http://127.0.0.1:26657"), w.rpc());
    assertEquals(Path.of("k.json"), w.keyFile());
    assertEquals(0.5, w.computeShare());
    assertEquals(800, w.nonceRate());
    assertEquals(ByzantineMode.FAKE_WINNERS, w.byzantine());
    assertEquals(Path.of("h", "worker-status.json"), w.statusFile());
    assertTrue(
        parse("--home", "h", "--rpc", "http://x", "--worker-key", "k", "--no-worker")
            .worker()
            .isEmpty());
  }

  @Test
  void badWorkerFlagsAreNamed() {
    assertTrue(
        assertThrows(
                IllegalArgumentException.class, () -> parse("--home", "h", "--rpc", "http://x"))
            .getMessage()
            .contains("--worker-key"));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    parse("--home", "h", "--rpc", "x", "--worker-key", "k", "--compute-share", "2"))
            .getMessage()
            .contains("--compute-share"));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    parse("--home", "h", "--rpc", "x", "--worker-key", "k", "--byzantine", "evil"))
            .getMessage()
            .contains("fake-winners"));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class, () -> parse("--home", "h", "--nonce-rate", "fast"))
            .getMessage()
            .contains("--nonce-rate"));
  }
}
