package org.sprintchain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SprintCliTest {
  @TempDir Path home;

  /** Runs the CLI with the testnet folder (and so the default key home) at {@code home}. */
  private Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CliContext ctx =
        new CliContext(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            home);
    int status = SprintCli.run(List.of(args), ctx);
    return new Result(
        status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  record Result(int status, String out, String err) {}

  /** "" for the root, then every group and leaf as its words, e.g. "tx send". */
  static Stream<String> everyCommand() {
    List<String> paths = new ArrayList<>();
    collect(SprintCli.root(), "", paths);
    return paths.stream();
  }

  private static void collect(Command command, String path, List<String> out) {
    out.add(path);
    if (command instanceof CommandGroup group) {
      for (Command sub : group.commands()) {
        collect(sub, (path.isEmpty() ? "" : path + " ") + sub.name(), out);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("everyCommand")
  void everyCommandHasHelpOnStdout(String command) {
    List<String> argv =
        new ArrayList<>(command.isEmpty() ? List.of() : List.of(command.split(" ")));
    argv.add("--help");
    Result r = run(argv.toArray(String[]::new));
    assertEquals(0, r.status(), command + ": " + r.err());
    assertTrue(r.out().startsWith("Usage: bin/sprint"), command + ": " + r.out());
    assertEquals("", r.err());
  }

  @Test
  void everyGroupListsItsSubcommands() {
    assertTrue(
        everyCommand()
            .toList()
            .containsAll(
                List.of(
                    "keys add",
                    "keys list",
                    "keys show",
                    "tx send",
                    "infer",
                    "verify-receipt",
                    "query account",
                    "query params",
                    "query sprint",
                    "query worker",
                    "query validators",
                    "query dispute",
                    "sprint status",
                    "testnet up",
                    "testnet status",
                    "testnet down",
                    "testnet reset",
                    "testnet logs",
                    "testnet kill",
                    "testnet restart",
                    "testnet pause",
                    "testnet resume",
                    "testnet report",
                    "load",
                    "bench chain",
                    "bench transfers",
                    "node start",
                    "genesis init",
                    "genesis add-account",
                    "genesis add-worker",
                    "genesis validate")),
        everyCommand().toList().toString());
  }

  @Test
  void unknownCommandIsAUsageError() {
    Result r = run("frobnicate");
    assertEquals(2, r.status());
    assertTrue(r.err().contains("unknown command 'frobnicate'"), r.err());
    assertTrue(r.err().contains("Usage: bin/sprint COMMAND"), r.err());
    assertEquals("", r.out());
  }

  @Test
  void unknownSubcommandShowsTheGroupUsage() {
    Result r = run("keys", "delete", "x");
    assertEquals(2, r.status());
    assertTrue(r.err().contains("Usage: bin/sprint keys COMMAND"), r.err());
  }

  @Test
  void unknownFlagShowsTheCommandUsage() {
    Result r = run("tx", "send", "--form", "demo");
    assertEquals(2, r.status());
    assertTrue(r.err().contains("unknown option '--form'"), r.err());
    assertTrue(r.err().contains("Usage: bin/sprint tx send"), r.err());
  }

  @Test
  void missingRequiredOptionIsAUsageError() {
    Result r = run("tx", "send", "--to", "x", "--amount", "1");
    assertEquals(2, r.status());
    assertTrue(r.err().contains("missing required option --from"), r.err());
  }

  @Test
  void keysAddListShowUseTheDefaultHome() {
    Result add = run("keys", "add", "alice");
    assertEquals(0, add.status(), add.err());
    assertTrue(Files.exists(home.resolve("keys/alice.json")));
    String address =
        add.out()
            .lines()
            .filter(l -> l.startsWith("address:"))
            .findFirst()
            .orElseThrow()
            .substring("address:".length())
            .trim();

    Result list = run("keys", "list");
    assertTrue(list.out().contains("alice") && list.out().contains(address), list.out());

    Result show = run("keys", "show", "alice", "--address");
    assertEquals(address + "\n", show.out());

    Result again = run("keys", "add", "alice");
    assertEquals(1, again.status());
    assertTrue(again.err().contains("already exists"), again.err());
  }

  @Test
  void keysTakeAnExplicitHome(@TempDir Path other) {
    assertEquals(0, run("keys", "add", "bob", "--home", other.toString()).status());
    assertTrue(Files.exists(other.resolve("keys/bob.json")));
    Result missing = run("keys", "show", "bob");
    assertEquals(1, missing.status());
    assertTrue(missing.err().contains("unknown key 'bob'"), missing.err());
  }

  @Test
  void sendToAnUnreachableNodeFailsClearly() throws IOException {
    run("keys", "add", "alice");
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Result r =
        run(
            "tx",
            "send",
            "--from",
            "alice",
            "--to",
            "alice",
            "--amount",
            "5",
            "--node",
            "http://127.0.0.1:" + port);
    assertEquals(1, r.status());
    assertTrue(r.err().contains("connection refused"), r.err());
  }

  @Test
  void badRecipientIsAUsageError() {
    run("keys", "add", "alice");
    Result r = run("tx", "send", "--from", "alice", "--to", "nobody", "--amount", "5");
    assertEquals(2, r.status());
    assertTrue(r.err().contains("neither an address"), r.err());
  }

  @Test
  void testnetStatusWithoutTestnetSaysHowToCreateOne() {
    Result r = run("testnet", "status", "--dir", home.resolve("none").toString());
    assertEquals(1, r.status());
    assertTrue(r.err().contains("bin/sprint testnet up"), r.err());
  }

  @Test
  void genesisAddWorkerRegistersAConsensusKeyWithPower() throws IOException {
    Path file = home.resolve("genesis.json");
    Files.writeString(
        file,
        "{\"chain_id\":\"c\",\"genesis_time\":\"2026-01-01T00:00:00Z\",\"validators\":[],"
            + "\"app_state\":{\"params\":{\"min_fee\":1,\"max_tx_bytes\":100},\"accounts\":[]}}");
    String hexKey = "11".repeat(32);
    Result r =
        run("genesis", "add-worker", "--file", file.toString(), "--pubkey", hexKey, "--power", "7");
    assertEquals(0, r.status(), r.err());
    String json = Files.readString(file);
    assertTrue(json.contains("\"power\" : \"7\""), json);
    assertTrue(json.contains("ERERERERERERERERERERERERERERERERERERERERERE="), json);
    assertEquals(0, run("genesis", "validate", "--file", file.toString()).status());

    Result again = run("genesis", "add-worker", "--file", file.toString(), "--pubkey", hexKey);
    assertEquals(1, again.status());
    assertTrue(again.err().contains("duplicate validator key"), again.err());

    Result zero =
        run("genesis", "add-worker", "--file", file.toString(), "--pubkey", hexKey, "--power", "0");
    assertEquals(2, zero.status());
    Result both = run("genesis", "add-worker", "--file", file.toString());
    assertEquals(2, both.status());
    assertTrue(both.err().contains("exactly one of --key-file and --pubkey"), both.err());
  }

  @Test
  void testnetUpDefaultsToFourValidators() {
    Result r = run("testnet", "up", "--help");
    assertTrue(r.out().contains("number of validators, 1 to 100 (default 4)"), r.out());
    assertEquals(4, TestnetUpCommand.DEFAULT_VALIDATORS);
  }

  @Test
  void faultCommandsNeedANodeThatExists() {
    Result noTestnet = run("testnet", "kill", "node9", "--dir", home.resolve("none").toString());
    assertEquals(1, noTestnet.status());
    Result missingNode = run("testnet", "pause");
    assertEquals(2, missingNode.status());
    assertTrue(missingNode.err().contains("expected NODE"), missingNode.err());
  }

  @Test
  void loadRefusesABadMixBeforeTouchingATestnet() {
    Result r = run("load", "--mix", "swaps", "--dir", home.resolve("none").toString());
    assertEquals(2, r.status());
    assertTrue(r.err().contains("unknown kind 'swaps'"), r.err());
  }

  @Test
  void genesisValidateNamesTheBadField() throws IOException {
    Path file = home.resolve("genesis.json");
    Files.writeString(
        file,
        "{\"chain_id\":\"c\",\"validators\":[],\"app_state\":"
            + "{\"params\":{\"min_fee\":1,\"max_tx_bytes\":100},\"accounts\":"
            + "[{\"address\":\"spr1x\",\"balance\":1}]}}");
    Result r = run("genesis", "validate", "--file", file.toString());
    assertEquals(1, r.status());
    assertTrue(r.err().contains("app_state.accounts[0].address"), r.err());
  }

  @Test
  void verifyReceiptRefusesAFileThatIsNotAReceipt() throws Exception {
    Path file = home.resolve("receipt.json");
    Files.writeString(file, "{\"request_id\":\"seven\"}");
    Result r = run("verify-receipt", file.toString(), "--node", "http://127.0.0.1:1");
    assertEquals(1, r.status());
    assertTrue(r.err().contains("is not a receipt"), r.err());
  }

  @Test
  void inferNeedsItsOptions() {
    Result r = run("infer", "--model", "m", "--input", "x");
    assertEquals(2, r.status());
    assertTrue(r.err().contains("missing required option --from"), r.err());
  }
}
