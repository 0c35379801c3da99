package org.sprintchain.cli;

import java.io.PrintStream;
import java.util.List;
import org.sprintchain.model.bench.ModelBenchmark;
import org.sprintchain.store.bench.StoreBenchmarks;
import org.sprintchain.testnet.audit.AuditBenchmark;
import org.sprintchain.testnet.bench.InferenceBenchmark;

/**
 * {@code bench model}, {@code bench audit}, {@code bench inference} and {@code bench store}: the
 * module benchmarks, which parse their own flags and print to standard output. bin/sprint starts
 * the JVM with the Vector API module for them.
 */
final class ToolBenchmarks {
  /** A run short enough for a 2-core machine; pass JMH flags to override. */
  static final String[] STORE_DEFAULTS = {"-f", "1", "-wi", "2", "-i", "3"};

  private ToolBenchmarks() {}

  static final String STORE_USAGE =
      """
      Usage: bin/sprint bench store [JMH options]

      JMH benchmarks of the state store on a 1M-key RocksDB store: authenticated commit of 1k and
      10k random writes against a raw synced RocksDB WriteBatch of the same writes (the ratio is
      printed at the end), point reads at the latest and an old version, proof size and verify
      time. Without options it runs -f 1 -wi 2 -i 3 (a few minutes on 2 cores). Any JMH option
      works, e.g. a benchmark regex: bin/sprint bench store CommitBenchmark -f 1 -wi 1 -i 2
      """;

  static int model(String[] args, PrintStream out, PrintStream err) {
    return ModelBenchmark.run(args, out, err);
  }

  static int audit(String[] args, PrintStream out, PrintStream err) {
    return AuditBenchmark.run(args, out, err);
  }

  /**
   * The MiniLM engine against ONNX Runtime (in a JVM of its own, so ONNX Runtime stays off this
   * class path) and paid-job latency on a 4-validator testnet.
   */
  static int inference(String[] args, PrintStream out, PrintStream err) {
    return InferenceBenchmark.run(args, out, err);
  }

  static int store(String[] args, PrintStream out, PrintStream err) {
    if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
      out.print(STORE_USAGE);
      return SprintCli.OK;
    }
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
