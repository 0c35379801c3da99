package org.sprintchain.minilm.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EngineBenchOptionsTest {
  @Test
  void defaultsAreOneWarmupFiveRoundsWholeCorpusAllCores() {
    EngineBenchOptions o = EngineBenchOptions.parse(new String[0]);
    assertEquals(1, o.warmup());
    assertEquals(5, o.rounds());
    assertEquals(Integer.MAX_VALUE, o.limit());
    assertEquals(Runtime.getRuntime().availableProcessors(), o.threads());
    assertFalse(o.skipOrt());
    assertFalse(o.skipVector());
    assertFalse(o.help());
  }

  @Test
  void parsesEveryFlag() {
    EngineBenchOptions o =
        EngineBenchOptions.parse(
            new String[] {
              "--warmup",
              "0",
              "--rounds",
              "3",
              "--limit",
              "40",
              "--threads",
              "4",
              "--skip-ort",
              "--skip-vector"
            });
    assertEquals(new EngineBenchOptions(0, 3, 40, 4, true, true, false), o);
  }

  @Test
  void refusesUnknownMissingAndOutOfRangeValues() {
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> EngineBenchOptions.parse(new String[] {"--fast"}))
            .getMessage()
            .contains("unknown option '--fast'"));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> EngineBenchOptions.parse(new String[] {"--rounds"}))
            .getMessage()
            .contains("needs a value"));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> EngineBenchOptions.parse(new String[] {"--rounds", "0"}))
            .getMessage()
            .contains("[1, 1000]"));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> EngineBenchOptions.parse(new String[] {"--threads", "two"}))
            .getMessage()
            .contains("must be an integer"));
  }

  @Test
  void helpPrintsUsageAndAUsageErrorExits64() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
    assertEquals(0, EngineVsOrtBenchmark.run(new String[] {"--help"}, o, e));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("--skip-ort"));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("--skip-vector"));
    assertEquals(64, EngineVsOrtBenchmark.run(new String[] {"--bogus"}, o, e));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown option"));
  }
}
