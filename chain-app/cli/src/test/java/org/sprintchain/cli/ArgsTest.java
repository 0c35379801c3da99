package org.sprintchain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArgsTest {
  private static Args parse(String... argv) {
    return Args.parse(List.of(argv), Set.of("from", "amount"), Set.of("address"));
  }

  @Test
  void readsOptionsFlagsAndPositionals() {
    Args a = parse("alice", "--from", "k1", "--amount=5", "--address", "bob");
    assertEquals(Optional.of("k1"), a.option("from"));
    assertEquals(Optional.of(5L), a.longOption("amount"));
    assertTrue(a.flag("address"));
    assertEquals(List.of("alice", "bob"), a.positionals());
    assertFalse(a.help());
  }

  @Test
  void doubleDashEndsOptions() {
    assertEquals(List.of("--from", "x"), parse("--", "--from", "x").positionals());
  }

  @Test
  void helpIsAlwaysKnown() {
    assertTrue(parse("--help").help());
    assertTrue(parse("-h", "--from", "x").help());
  }

  @Test
  void refusesMalformedLines() {
    assertMessage("unknown option '--nope'", () -> parse("--nope"));
    assertMessage("unknown option '-x'", () -> parse("-x"));
    assertMessage("option --from needs a value", () -> parse("--from"));
    assertMessage("option --from given twice", () -> parse("--from", "a", "--from=b"));
    assertMessage("option --address takes no value", () -> parse("--address=yes"));
    assertMessage(
        "option --amount must be an integer, got 'ten'",
        () -> parse("--amount", "ten").longOption("amount"));
    assertMessage("missing required option --from", () -> parse().required("from"));
  }

  @Test
  void checksPositionalCounts() {
    assertEquals(List.of("a"), parse("a").positionals("NAME"));
    assertMessage("expected NAME, got 0 argument(s)", () -> parse().positionals("NAME"));
    assertMessage("unexpected argument 'b'", () -> parse("a", "b").positionals("NAME"));
    assertMessage("unexpected argument 'a'", () -> parse("a").noPositionals());
  }

  private static void assertMessage(String message, Runnable action) {
    assertEquals(message, assertThrows(UsageException.class, action::run).getMessage());
  }
}
