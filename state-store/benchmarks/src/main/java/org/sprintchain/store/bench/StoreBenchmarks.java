package org.sprintchain.store.bench;

import java.util.Collection;
import java.util.Locale;
import java.util.TreeMap;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * Runs the state-store benchmarks with JMH's usual command line (for example {@code -f 1 -wi 2 -i
 * 3}) and then prints the authenticated-commit / raw-WriteBatch ratio per block size, the figure
 * the 3x target is about.
 */
public final class StoreBenchmarks {
  private StoreBenchmarks() {}

  public static void main(String[] args) throws Exception {
    CommandLineOptions options = new CommandLineOptions(args);
    if (options.shouldHelp() || options.shouldList() || options.shouldListWithParams()) {
      org.openjdk.jmh.Main.main(args);
      return;
    }
    Collection<RunResult> results = new Runner(options).run();
    TreeMap<Integer, double[]> commits = new TreeMap<>();
    for (RunResult r : results) {
      String name = r.getParams().getBenchmark();
      String writes = r.getParams().getParam("writes");
      if (writes == null) {
        continue;
      }
      double[] pair = commits.computeIfAbsent(Integer.parseInt(writes), w -> new double[2]);
      pair[name.endsWith("authenticatedCommit") ? 0 : 1] = r.getPrimaryResult().getScore();
    }
    System.out.println();
    commits.forEach(
        (writes, pair) ->
            System.out.println(
                String.format(
                    Locale.ROOT,
                    "COMMIT %6d writes: authenticated %.2f ms, raw WriteBatch %.2f ms, ratio %.2fx",
                    writes,
                    pair[0],
                    pair[1],
                    pair[1] > 0 ? pair[0] / pair[1] : Double.NaN)));
  }
}
