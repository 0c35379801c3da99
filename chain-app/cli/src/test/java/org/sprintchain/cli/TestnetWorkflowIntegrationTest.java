package org.sprintchain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sprintchain.testnet.LocalTestnet;
import org.sprintchain.testnet.PortAllocator;
import org.sprintchain.testnet.TestnetManifest;

/**
 * The researcher's walkthrough, end to end through the CLI (in-process, real nodes): {@code testnet
 * up} with the default 4 validators, {@code status}, {@code load}, {@code kill} + {@code restart},
 * {@code report}, {@code down}, {@code reset}.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class TestnetWorkflowIntegrationTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;
  private Path dir;

  private record Result(int status, String out, String err) {}

  private Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CliContext ctx =
        new CliContext(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            dir);
    List<String> argv = new ArrayList<>(List.of(args));
    int status = SprintCli.run(argv, ctx);
    Result r =
        new Result(
            status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    System.out.println("$ sprint " + String.join(" ", args) + " -> " + status);
    System.out.println(r.out() + r.err());
    return r;
  }

  @AfterEach
  void stopEverything() {
    if (dir != null && TestnetManifest.existsIn(dir)) {
      LocalTestnet.open(dir).stop(java.time.Duration.ofSeconds(5));
    }
  }

  @Test
  void upStatusLoadKillRestartReportDown() throws IOException {
    dir = tmp.resolve("net");
    int base = PortAllocator.findFreeBase(4, 25_000);

    Result up = run("testnet", "up", "--base-port", Integer.toString(base), "--epoch-length", "20");
    assertEquals(0, up.status(), up.err());
    assertEquals(4, count(up.out(), " RPC: http://127.0.0.1:"), up.out());

    Result again = run("testnet", "up");
    assertEquals(1, again.status());
    assertTrue(again.err().contains("already running"), again.err());

    Result status = run("testnet", "status");
    assertEquals(0, status.status(), status.out());
    assertTrue(status.out().contains("4 of 4 node(s) agree"), status.out());
    assertEquals(4, count(status.out(), "25.0%  "), status.out()); // then verified work or -

    Result load =
        run(
            "load",
            "--tps",
            "40",
            "--warmup",
            "2",
            "--duration",
            "8",
            "--mix",
            "transfers=3,inference=1");
    assertEquals(0, load.status(), load.err());
    assertTrue(load.out().contains("every acknowledged tx is in a block with code 0"), load.out());

    assertEquals(0, run("testnet", "kill", "node2").status());
    assertEquals(0, run("testnet", "restart", "node2").status());

    Result report = run("testnet", "report");
    assertEquals(0, report.status(), report.err());
    Path out = dir.resolve("report");
    JsonNode json = JSON.readTree(out.resolve("report.json").toFile());
    assertTrue(json.path("app_hash_agreement").asBoolean(), json.toString());
    assertEquals(1, json.path("load_runs").size());
    assertTrue(json.path("load_runs").path(0).path("verified").asBoolean());
    assertTrue(json.path("load_runs").path(0).path("latency_ms").path("p50").asLong() > 0);
    assertTrue(json.path("blocks").path("txs").asLong() > 0);
    assertEquals(4, json.path("epochs").path(0).path("validators").size());
    assertTrue(json.path("sprints").path("enabled").asBoolean(), "testnet up turns sprints on");
    assertTrue(!json.path("audits").asText().equals("n/a"), json.path("audits").toString());
    String md = Files.readString(out.resolve("report.md"));
    assertTrue(md.contains("## Voting power by epoch"), md);
    for (String png : List.of("tx-per-second.png", "voting-power.png")) {
      BufferedImage img = ImageIO.read(out.resolve(png).toFile());
      assertNotNull(img, png);
      assertTrue(img.getWidth() >= 640 && img.getHeight() >= 320, png);
    }

    Result down = run("testnet", "down");
    assertEquals(0, down.status());
    assertEquals(1, run("testnet", "status").status()); // nothing runs
    assertTrue(Files.isDirectory(dir.resolve("node0/data")), "down keeps the data");

    assertEquals(0, run("testnet", "reset").status());
    assertTrue(!Files.exists(dir), "reset wipes the folder");
  }

  private static int count(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }
}
