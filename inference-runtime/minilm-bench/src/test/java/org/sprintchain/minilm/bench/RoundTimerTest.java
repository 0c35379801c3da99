package org.sprintchain.minilm.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class RoundTimerTest {
  private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

  @Test
  void medianOfOddAndEvenCounts() {
    assertEquals(3.0, RoundTimer.median(new double[] {5, 1, 3}));
    assertEquals(2.5, RoundTimer.median(new double[] {4, 1, 3, 2}));
    assertEquals(7.0, RoundTimer.median(new double[] {7}));
    assertTrue(Double.isNaN(RoundTimer.median(new double[0])));
  }

  @Test
  void aParallelRoundRunsEveryItemExactlyOnce() throws Exception {
    AtomicIntegerArray runs = new AtomicIntegerArray(101);
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      long nanos = RoundTimer.round(101, 3, pool, i -> runs.incrementAndGet(i));
      assertTrue(nanos > 0);
    } finally {
      pool.shutdownNow();
    }
    for (int i = 0; i < runs.length(); i++) {
      assertEquals(1, runs.get(i), "item " + i);
    }
  }

  @Test
  void measureReturnsOneRatePerTimedRoundAfterTheWarmup() throws Exception {
    AtomicIntegerArray runs = new AtomicIntegerArray(10);
    double[] rates = RoundTimer.measure("t", 10, 2, 2, 3, i -> runs.incrementAndGet(i), QUIET);
    assertEquals(3, rates.length);
    for (double r : rates) {
      assertTrue(r > 0);
    }
    assertEquals(5, runs.get(0), "2 warm-up + 3 timed rounds");
  }

  @Test
  void theJsonQuotesControlCharactersAndReportsNoCuda() {
    assertEquals("\"a\\\"b\\\\c\\n\\u0001\"", EngineVsOrtBenchmark.quote("a\"b\\c\n\u0001"));
    String json =
        EngineVsOrtBenchmark.json(
            new EngineBenchOptions(1, 2, 10, 2, false, false, false),
            10,
            120,
            new EngineVsOrtBenchmark.Bits("ab", true, null),
            new EngineVsOrtBenchmark.Engines("skipped", null, "ok"),
            List.of(new EngineVsOrtBenchmark.Row("integer", 1, 30.5, new double[] {30, 31})));
    assertTrue(json.contains("\"cuda\": \"no CUDA backend for MiniLM\""), json);
    assertTrue(json.contains("\"vector\": \"skipped\", \"vector_lanes\": null"), json);
    assertTrue(json.contains("\"embeddings_per_s\": 30.50"), json);
    assertTrue(json.contains("\"rounds_per_s\": [30.00, 31.00]"), json);
  }

  @Test
  void theCorpusIsTheQualityCorpus() {
    assertEquals(215, EngineVsOrtBenchmark.corpus().size());
  }
}
