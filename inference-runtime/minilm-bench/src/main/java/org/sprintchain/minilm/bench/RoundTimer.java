package org.sprintchain.minilm.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Times rounds of work over {@code items} inputs: a round runs every input once, on one thread or
 * on a fixed pool whose threads take the next input as they finish (one sentence is the unit of
 * work, as a node serves it). Returns items per second of each timed round.
 */
final class RoundTimer {
  /** One unit of work; the returned value is summed so the JIT cannot drop the work. */
  @FunctionalInterface
  interface Work {
    long run(int item) throws Exception;
  }

  private static volatile long sink;

  private RoundTimer() {}

  static double[] measure(
      String label, int items, int threads, int warmup, int rounds, Work work, PrintStream log)
      throws Exception {
    ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads) : null;
    try {
      for (int r = 0; r < warmup; r++) {
        round(items, threads, pool, work);
      }
      double[] perSecond = new double[rounds];
      for (int r = 0; r < rounds; r++) {
        perSecond[r] = items * 1e9 / round(items, threads, pool, work);
        log.printf(
            Locale.ROOT,
            "%s, %d thread(s), round %d: %.2f embeddings/s%n",
            label,
            threads,
            r,
            perSecond[r]);
      }
      return perSecond;
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
  }

  /** Runs every item once; returns the wall time in nanoseconds. */
  static long round(int items, int threads, ExecutorService pool, Work work) throws Exception {
    long t0 = System.nanoTime();
    long sum = 0;
    if (pool == null) {
      for (int i = 0; i < items; i++) {
        sum += work.run(i);
      }
    } else {
      AtomicInteger next = new AtomicInteger();
      List<Future<Long>> parts = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        parts.add(
            pool.submit(
                () -> {
                  long s = 0;
                  for (int i = next.getAndIncrement(); i < items; i = next.getAndIncrement()) {
                    s += work.run(i);
                  }
                  return s;
                }));
      }
      for (Future<Long> f : parts) {
        try {
          sum += f.get();
        } catch (ExecutionException e) {
          throw e.getCause() instanceof Exception c ? c : e;
        }
      }
    }
    long elapsed = System.nanoTime() - t0;
    sink += sum;
    return Math.max(1, elapsed);
  }

  /** The median of {@code v} (the mean of the middle two for an even count); NaN when empty. */
  static double median(double[] v) {
    if (v.length == 0) {
      return Double.NaN;
    }
    double[] s = v.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }
}
