package org.sprintchain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sprintchain.chain.crypto.Address;
import org.sprintchain.testnet.NodeReport;
import org.sprintchain.testnet.ValidatorPower;

/**
 * {@code sprint status}, {@code query sprint|worker|validators|dispute} and the sprint columns of
 * {@code testnet status}, on canned app answers: rendered directly (no network) and through a fake
 * RPC on a loopback port.
 */
class SprintStatusCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String K1 = key(1);
  private static final String K2 = key(2);
  private static final Address W1 = Address.fromPublicKey(bytes(11));
  private static final Address W2 = Address.fromPublicKey(bytes(12));

  static final String CURRENT =
      """
      {"height":41,"epoch":3,"phase":"COMMIT","phase_start":40,"phase_end":44,"seed_height":30,
       "commit_deadline":44,"audit_seed_height":45,"settle_height":48,"seed":"ab12cd34",
       "model_preset":"tiny","difficulty_target":"00ff","workers":2,"open_disputes":1}""";
  static final String VALIDATORS =
      """
      {"validators":[
        {"pub_key":"%s","address":"%s","power":30,"operator":"%s","last_work":1200},
        {"pub_key":"%s","address":"%s","power":10,"operator":"","last_work":0}],
       "total_power":40}"""
          .formatted(K1, addr(K1), W1, K2, addr(K2));
  static final String EPOCH_2 =
      """
      {"epoch":2,"status":"SETTLED","seed":"77","passed":1,"emission":1000,"paid":1000,
       "fee_pot":6,"workers":[
        {"operator":"%s","committed":12,"outcome":"PASSED","count":12,"work":1200,"power":30,
         "reward":1000,"slashed":0,"jailed_through":0},
        {"operator":"%s","committed":3,"outcome":"INVALID_REVEAL","count":3,"work":0,"power":0,
         "reward":0,"slashed":50,"jailed_through":5}]}"""
          .formatted(W1, W2);
  static final String W1_IN_3 =
      """
      {"epoch":3,"worker":"%s","consensus_key":"%s","count":14,"root":"9f3a","sample_known":true,
       "sample":[2,7,11],"opened":[2,7],"published":[2],"auditors":["%s"]}"""
          .formatted(W1, K1, W2);
  static final String W1_RECORD =
      """
      {"operator":"%s","consensus_key":"%s","consensus_address":"x","deposit":500,
       "jailed_through":0,"jailed":false,"last_work":1200,"registered_epoch":0,"history":[]}"""
          .formatted(W1, K1);
  static final String WORKER_FILE =
      """
      {"epoch":3,"phase":"COMMIT","nonces_per_second":1523.75,"nonces":91425,"winners":14,
       "committed":true,"revealed":false,"audits_sent":2,"digests_sent":1,"disputes_stepped":0,
       "last_error":"","updated_at":"2025-01-01T12:00:00Z"}""";

  @TempDir Path dir;
  private FakeSprintNode node;

  @BeforeEach
  void start() throws IOException {
    node =
        new FakeSprintNode()
            .answer("/sprint/current", CURRENT)
            .answer("/validators", VALIDATORS)
            .answer("/sprint/2", EPOCH_2)
            .answer("/sprint/3/" + W1, W1_IN_3)
            .answer("/worker/" + W1, W1_RECORD);
  }

  @AfterEach
  void stop() {
    node.close();
  }

  record Result(int status, String out, String err) {}

  private Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CliContext ctx =
        new CliContext(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            dir);
    int status = SprintCli.run(List.of(args), ctx);
    return new Result(
        status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void rendersCannedAnswersWithoutANetwork() throws IOException {
    SprintStatus status =
        new SprintStatus(
            "http://n0:26657",
            JSON.readTree(CURRENT),
            JSON.readTree(VALIDATORS),
            Optional.of(JSON.readTree(EPOCH_2)),
            Optional.of(
                new SprintStatus.Worker(
                    W1.toString(),
                    JSON.readTree(W1_IN_3),
                    Optional.of(JSON.readTree(W1_RECORD)),
                    Optional.empty())),
            new SprintStatus.LocalWorker(
                Optional.of(Path.of("/h/worker-status.json")),
                Optional.of(JSON.readTree(WORKER_FILE)),
                Optional.empty()));

    String text = SprintStatusView.render(status);

    assertLines(
        text,
        "node http://n0:26657 at height 41",
        "epoch:          3 (of the next block)",
        "phase:          COMMIT, heights 40..44, 3 block(s) left",
        "seed:           ab12cd34",
        "settle height:  48",
        "workers:        2",
        "open disputes:  1",
        "validators (total power 40):");
    assertRow(text, W1.toString(), "30", "75.0%", "1200");
    assertRow(text, "- (key " + K2.substring(0, 16) + "...)", "10", "25.0%", "0");
    assertLines(
        text,
        "last settled epoch 2: SETTLED, 1 passed, emission 1000, paid 1000, fee pot 6",
        "worker " + W1 + " in epoch 3:",
        "  commitment:  14 winner(s), root 9f3a",
        "  sample:      3 index(es) [2, 7, 11]",
        "  opened:      2 of 3 [2, 7]",
        "  published:   1 of 3 digest(s) [2]",
        "  auditors:    " + W2,
        "  deposit:     500",
        "  jail:        not jailed (jailed through epoch 0)",
        "  last work:   1200",
        "worker status (/h/worker-status.json, updated 2025-01-01T12:00:00Z):",
        "  epoch 3, phase COMMIT",
        "  nonces/s 1523.8, nonces 91425, winners 14",
        "  committed yes, revealed no",
        "  audits sent 2, digests sent 1, disputes stepped 0",
        "  last error: -");
    assertRow(text, W1.toString(), "PASSED", "1200", "30", "1000", "0");
    assertRow(text, W2.toString(), "INVALID_REVEAL", "0", "0", "0", "50");
  }

  @Test
  void missingFieldsShowADashAndNoWorkerFileIsNotAvailable() throws IOException {
    SprintStatus status =
        new SprintStatus(
            "n",
            JSON.readTree("{\"epoch\":0,\"phase\":\"GENERATION\"}"),
            JSON.readTree("{\"validators\":[],\"total_power\":0}"),
            Optional.empty(),
            Optional.empty(),
            SprintStatus.LocalWorker.none());
    String text = SprintStatusView.render(status);
    assertLines(
        text,
        "seed:           -",
        "last settled epoch: none in the last 3 epoch(s)",
        "worker status: not available");
    assertFalse(text.contains("worker spr1"), text);
  }

  @Test
  void statusAsksTheNodeAndReadsTheWorkerFile() throws IOException {
    Files.writeString(dir.resolve(WorkerStatusFile.NAME), WORKER_FILE);

    Result r =
        run(
            "sprint",
            "status",
            "--node",
            node.url(),
            "--worker",
            W1.toString(),
            "--home",
            "" + dir);

    assertEquals(0, r.status(), r.err());
    assertTrue(
        r.out().contains("phase:          COMMIT, heights 40..44, 3 block(s) left"), r.out());
    assertTrue(r.out().contains("last settled epoch 2: SETTLED"), r.out());
    assertTrue(r.out().contains("  opened:      2 of 3 [2, 7]"), r.out());
    assertTrue(r.out().contains("  nonces/s 1523.8, nonces 91425, winners 14"), r.out());
    System.out.println(r.out());
  }

  @Test
  void lastSettledSkipsOpenEpochsAndAnUnregisteredWorkerIsShownNotFatal() {
    node.answer("/sprint/2", "{\"epoch\":2,\"status\":\"OPEN\",\"workers\":[]}")
        .answer("/sprint/1", "{\"epoch\":1,\"status\":\"FAILED\",\"passed\":0,\"workers\":[]}")
        .answer("/sprint/3/" + W2, "{\"epoch\":3,\"count\":0,\"sample_known\":false}");
    node.log = W2 + " is not a registered worker";

    Result r = run("sprint", "status", "--node", node.url(), "--worker", W2.toString());

    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("last settled epoch 1: FAILED, 0 passed"), r.out());
    assertTrue(r.out().contains("  commitment:  none"), r.out());
    assertTrue(r.out().contains("  sample:      not drawn yet"), r.out());
    assertTrue(r.out().contains("is not a registered worker"), r.out());
    assertTrue(r.out().contains("worker status: not available"), r.out());
  }

  @Test
  void aMalformedWorkerFileIsReportedNotFatal() throws IOException {
    Files.writeString(dir.resolve(WorkerStatusFile.NAME), "[1,2");
    Result r = run("sprint", "status", "--node", node.url(), "--home", dir.toString());
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("worker status: unreadable: "), r.out());
  }

  @Test
  void jsonCarriesTheAnswersUnderFixedNames() throws IOException {
    Files.writeString(dir.resolve(WorkerStatusFile.NAME), WORKER_FILE);
    Result r =
        run(
            "sprint",
            "status",
            "--json",
            "--node",
            node.url(),
            "--worker",
            W1.toString(),
            "--home",
            dir.toString());
    assertEquals(0, r.status(), r.err());
    JsonNode doc = JSON.readTree(r.out());
    assertEquals("COMMIT", doc.path("current").path("phase").asText());
    assertEquals(40, doc.path("validators").path("total_power").asLong());
    assertEquals(2, doc.path("last_settled").path("epoch").asLong());
    assertEquals(14, doc.path("worker").path("epoch").path("count").asLong());
    assertEquals(500, doc.path("worker").path("record").path("deposit").asLong());
    assertEquals(91425, doc.path("worker_status").path("status").path("nonces").asLong());
  }

  @Test
  void aChainWithoutSprintsFailsWithAClearMessage() {
    node.log = "this chain has no sprints";
    node.forget("/sprint/current");
    for (String[] argv :
        List.of(
            new String[] {"sprint", "status", "--node", node.url()},
            new String[] {"query", "sprint", "--node", node.url()})) {
      Result r = run(argv);
      assertEquals(1, r.status(), r.out());
      assertTrue(r.err().contains("sprint: error: the chain at " + node.url()), r.err());
      assertTrue(r.err().contains("has no sprints"), r.err());
    }
  }

  @Test
  void queryCommandsAskTheirPathAndPrintPrettyJson() throws IOException {
    node.answer("/sprint/3/audits/" + W2, "{\"epoch\":3,\"assignments\":[]}")
        .answer("/sprint/params", "{\"epoch_length\":12}")
        .answer("/disputes", "{\"open\":[],\"next_id\":4}")
        .answer("/dispute/3", "{\"id\":3,\"status\":\"RESOLVED\"}")
        .answer("/sprint/3", "{\"epoch\":3,\"status\":\"OPEN\"}");
    List<List<String>> commands =
        List.of(
            List.of("sprint"),
            List.of("sprint", "current"),
            List.of("sprint", "params"),
            List.of("sprint", "3"),
            List.of("sprint", "3", W1.toString()),
            List.of("sprint", "3", "audits", W2.toString()),
            List.of("worker", W1.toString()),
            List.of("validators"),
            List.of("dispute"),
            List.of("dispute", "3"));
    for (List<String> c : commands) {
      String[] argv =
          java.util.stream.Stream.concat(
                  java.util.stream.Stream.of("query"),
                  java.util.stream.Stream.concat(
                      c.stream(), java.util.stream.Stream.of("--node", node.url())))
              .toArray(String[]::new);
      Result r = run(argv);
      assertEquals(0, r.status(), c + ": " + r.err());
      assertTrue(r.out().startsWith("{\n  \""), c + ": " + r.out());
      JSON.readTree(r.out());
    }
    assertEquals(
        List.of(
            "/sprint/current",
            "/sprint/current",
            "/sprint/params",
            "/sprint/3",
            "/sprint/3/" + W1,
            "/sprint/3/audits/" + W2,
            "/worker/" + W1,
            "/validators",
            "/disputes",
            "/dispute/3"),
        node.paths);
    Result dispute = run("query", "dispute", "9", "--node", node.url());
    assertEquals(1, dispute.status());
    assertTrue(dispute.err().contains("query /dispute/9 failed with code 105"), dispute.err());
  }

  @Test
  void badArgumentsAreUsageErrorsAndAskNothing() {
    List<List<String>> bad =
        List.of(
            List.of("query", "sprint", "abc"),
            List.of("query", "sprint", "3", "audits"),
            List.of("query", "sprint", "3", "x", "y"),
            List.of("query", "sprint", "-1"),
            List.of("query", "sprint", "3", "nobody"),
            List.of("query", "worker"),
            List.of("query", "worker", "spr1qqqq"),
            List.of("query", "validators", "x"),
            List.of("query", "dispute", "1", "2"),
            List.of("query", "dispute", "x"),
            List.of("sprint", "status", "extra"),
            List.of("sprint", "status", "--worker", "nobody"),
            List.of("sprint", "status", "--node", "not a url"),
            List.of("sprint", "status", "--json=yes"),
            List.of("sprint"),
            List.of("sprint", "stats"));
    for (List<String> argv : bad) {
      Result r = run(argv.toArray(String[]::new));
      assertEquals(2, r.status(), argv + ": " + r.err());
      assertTrue(r.err().contains("Usage: bin/sprint"), argv + ": " + r.err());
      assertEquals("", r.out(), argv.toString());
    }
    assertTrue(node.paths.isEmpty(), node.paths.toString());
    assertTrue(
        run("query", "sprint", "3", "audits").err().contains("expected AUDITOR after 'audits'"));
  }

  @Test
  void testnetValidatorTableShowsTheAppsWorkBesideCometBftsPower() throws IOException {
    JsonNode v = JSON.readTree(VALIDATORS);
    String c1 = TestnetSprintInfo.cometAddress(K1);
    String c2 = TestnetSprintInfo.cometAddress(K2);
    TestnetSprintInfo info =
        new TestnetSprintInfo(
            Map.of("node0", "3 COMMIT"),
            Optional.of("node0"),
            Optional.of(JSON.readTree(CURRENT)),
            Map.of(c1, v.path("validators").get(0), c2, v.path("validators").get(1)),
            Optional.empty());
    List<ValidatorPower> comet =
        List.of(new ValidatorPower(c1, "node0", 10), new ValidatorPower(c2, "node1", 10));

    String table = TestnetStatusCommand.validatorTable(41, comet, info);

    assertRow(table, "node0", c1, "10", "50.0%", "1200", "30", "(75.0%)");
    assertRow(table, "node1", c2, "10", "50.0%", "0", "10", "(25.0%)");
    assertEquals(
        "sprint (from node0): epoch 3, phase COMMIT (3 block(s) left), settle height 48,"
            + " 2 worker(s), 1 open dispute(s)",
        info.summary());
    assertEquals("3 COMMIT", info.phase("node0"));
    assertEquals("-", info.phase("node1"));
    System.out.println(info.summary() + "\n" + table);
  }

  @Test
  void testnetValidatorTableShowsDashesWithoutSprints() {
    TestnetSprintInfo none =
        new TestnetSprintInfo(
            Map.of(), Optional.empty(), Optional.empty(), Map.of(), Optional.of("no sprints"));
    String table =
        TestnetStatusCommand.validatorTable(
            5, List.of(new ValidatorPower("AB", "node0", 10)), none);
    assertRow(table, "node0", "AB", "10", "100.0%", "-", "-");
    assertEquals("sprint: - (no sprints)", none.summary());
    System.out.println(none.summary() + "\n" + table);
  }

  @Test
  void testnetSprintInfoAsksTheAnsweringNodes() {
    List<NodeReport> nodes =
        List.of(report("node0", OptionalLong.empty()), report("node1", OptionalLong.of(41)));

    TestnetSprintInfo info = TestnetSprintInfo.collect(nodes);

    assertEquals(Optional.of("node1"), info.source());
    assertEquals("3 COMMIT", info.phase("node1"));
    assertEquals("-", info.phase("node0"));
    assertEquals(
        1200,
        info.validator(TestnetSprintInfo.cometAddress(K1))
            .orElseThrow()
            .path("last_work")
            .asLong());

    node.log = "this chain has no sprints";
    node.forget("/sprint/current");
    TestnetSprintInfo none = TestnetSprintInfo.collect(nodes);
    assertEquals("sprint: - (this chain has no sprints)", none.summary());
    assertTrue(none.byCometAddress().isEmpty());
  }

  private NodeReport report(String name, OptionalLong height) {
    return new NodeReport(
        name,
        NodeReport.State.RUNNING,
        node.url(),
        OptionalLong.empty(),
        OptionalLong.empty(),
        height,
        Optional.empty(),
        Optional.empty());
  }

  @Test
  void cometAddressIsTheFirstTwentyBytesOfTheKeysSha256() {
    // CometBFT's ed25519 address: SHA-256(pub key)[:20]; here of 32 zero bytes.
    assertEquals(
        "66687AADF862BD776C8FC18B8E9F8E20089714856EE233B3902A591D0D5F2925".substring(0, 40),
        TestnetSprintInfo.cometAddress("00".repeat(32)));
    assertTrue(TestnetSprintInfo.cometAddress("zz").startsWith("?"));
  }

  private static void assertLines(String text, String... lines) {
    List<String> have = text.lines().toList();
    for (String line : lines) {
      assertTrue(have.contains(line), "no line '" + line + "' in:\n" + text);
    }
  }

  /** Some line whose whitespace-separated cells are exactly {@code cells}. */
  private static void assertRow(String text, String... cells) {
    String wanted = String.join(" ", cells);
    assertTrue(
        text.lines().anyMatch(l -> l.trim().replaceAll(" +", " ").equals(wanted)),
        "no row '" + wanted + "' in:\n" + text);
  }

  private static byte[] bytes(int fill) {
    byte[] b = new byte[32];
    Arrays.fill(b, (byte) fill);
    return b;
  }

  private static String key(int fill) {
    return HexFormat.of().formatHex(bytes(fill));
  }

  private static String addr(String keyHex) {
    return Address.fromPublicKey(HexFormat.of().parseHex(keyHex)).toString();
  }
}
