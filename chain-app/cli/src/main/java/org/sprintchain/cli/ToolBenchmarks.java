package org.sprintchain.cli;

import java.io.PrintStream;
import org.sprintchain.model.bench.ModelBenchmark;
import org.sprintchain.store.bench.StoreBenchmarks;

/**
 * {@code bench model} and {@code bench store}: the module benchmarks, which parse their own flags
 * and print to standard output. bin/sprint starts the JVM with the Vector API module for them.
 */
final class ToolBenchmarks {
  /** A run short enough for a 2-core machine; pass JMH flags to override. */
  static final String[] STORE_DEFAULTS = {"-f", "1", "-wi", "2", "-i", "3"};

  private ToolBenchmarks() {}

  static int model(String[] args, PrintStream out, PrintStream err) {
    ModelBenchmark.main(args);
    return SprintCli.OK;
  }

  static int store(String[] args, PrintStream out, PrintStream err) {
    String[] effective = args.length == 0 ? STORE_DEFAULTS : args;
    if (args.length == 0) {
      out.println(
          "bench store: JMH with "
              + String.join(" ", STORE_DEFAULTS)
              + " (pass JMH flags to change)");
    }
    try {
      StoreBenchmarks.main(effective);
      return SprintCli.OK;
    } catch (Exception e) {
      err.println("bench store: " + e.getMessage());
      return SprintCli.FAILED;
    }
  }
}
