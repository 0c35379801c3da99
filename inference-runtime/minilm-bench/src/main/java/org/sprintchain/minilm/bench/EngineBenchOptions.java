package org.sprintchain.minilm.bench;

/**
 * The command line of {@link EngineVsOrtBenchmark}.
 *
 * @param warmup untimed rounds per engine and thread count
 * @param rounds timed rounds per engine and thread count (the median is reported)
 * @param limit the first {@code limit} corpus sentences (all when larger than the corpus)
 * @param threads the multi-thread measurement's thread count; 1 skips it
 * @param skipOrt leave ONNX Runtime out
 * @param skipVector leave the integer engine's Vector API kernel out
 */
record EngineBenchOptions(
    int warmup,
    int rounds,
    int limit,
    int threads,
    boolean skipOrt,
    boolean skipVector,
    boolean help) {

  static final String USAGE =
      """
      Usage: java --add-modules jdk.incubator.vector \\
               -cp 'inference-runtime/minilm-bench/target/lib/*' \\
               org.sprintchain.minilm.bench.EngineVsOrtBenchmark [--warmup N] [--rounds N]
               [--limit N] [--threads N] [--skip-ort] [--skip-vector]

      Embeddings per second of the integer MiniLM engine (MiniLmEncoder.encode: tokenizer, encoder,
      mean pooling) and of ONNX Runtime (float, session.run on the same int8 ONNX file and token
      ids, plus mean pooling) on the MiniLM quality corpus, one sentence at a time, same JVM, same
      CPU. The integer engine runs twice: "integer" with the default matmul kernel (plain Java that
      C2 auto-vectorises) and "integer-vector" with the Vector API kernel of sprint-model-vector
      (needs --add-modules jdk.incubator.vector on this JVM; same output bits, checked). First with
      one thread each, then with --threads threads each encoding whole sentences (ONNX Runtime: one
      shared session, one intra-op thread per call). Prints progress on stderr and one JSON object
      on stdout, with the ratios vector/scalar and ONNX Runtime/vector at each thread count.
      bin/sprint bench inference runs it.

        --warmup N    untimed rounds per measurement (default 1)
        --rounds N    timed rounds per measurement; the median is reported (default 5)
        --limit N     only the first N corpus sentences (default: all 215)
        --threads N   threads of the multi-thread measurement; 1 skips it (default: the cores)
        --skip-ort    leave ONNX Runtime out
        --skip-vector leave the Vector API kernel out
        --help        this text
      """;

  static EngineBenchOptions parse(String[] args) {
    int warmup = 1;
    int rounds = 5;
    int limit = Integer.MAX_VALUE;
    int threads = Runtime.getRuntime().availableProcessors();
    boolean skipOrt = false;
    boolean skipVector = false;
    boolean help = false;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--help", "-h" -> help = true;
        case "--skip-ort" -> skipOrt = true;
        case "--skip-vector" -> skipVector = true;
        case "--warmup" -> warmup = range(a, value(args, ++i, a), 0, 100);
        case "--rounds" -> rounds = range(a, value(args, ++i, a), 1, 1_000);
        case "--limit" -> limit = range(a, value(args, ++i, a), 1, Integer.MAX_VALUE);
        case "--threads" -> threads = range(a, value(args, ++i, a), 1, 1_024);
        default -> throw new IllegalArgumentException("unknown option '" + a + "'; see --help");
      }
    }
    return new EngineBenchOptions(warmup, rounds, limit, threads, skipOrt, skipVector, help);
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }

  private static int range(String option, String text, int min, int max) {
    int v;
    try {
      v = Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " must be an integer, got '" + text + "'", e);
    }
    if (v < min || v > max) {
      throw new IllegalArgumentException(
          option + " must be in [" + min + ", " + max + "], got " + v);
    }
    return v;
  }
}
