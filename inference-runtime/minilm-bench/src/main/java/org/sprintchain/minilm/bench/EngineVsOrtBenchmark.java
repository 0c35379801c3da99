package org.sprintchain.minilm.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.sprintchain.minilm.MiniLmEncoder;
import org.sprintchain.minilm.engine.MatmulKernel;
import org.sprintchain.model.vector.VectorMatmulKernel;

/**
 * Embeddings per second of the integer MiniLM engine (default kernel and Vector API kernel) against
 * ONNX Runtime, same corpus (the quality corpus of sprint-minilm), same CPU, same JVM; see {@link
 * EngineBenchOptions#USAGE}. The JSON on stdout also carries {@code corpus_digest} (SHA-256 over
 * every sentence's output digest: it changes iff an output bit changes), whether the multi-thread
 * run and the vector kernel gave the same bits, and the ratios at each thread count.
 *
 * <p>There is no CUDA backend for MiniLM (the CUDA adapter serves the sprint model only), so the
 * JSON says so rather than leaving the row out silently.
 */
public final class EngineVsOrtBenchmark {
  static final String CORPUS = "org/sprintchain/minilm/quality-corpus.txt";
  static final String NO_CUDA = "no CUDA backend for MiniLM";
  static final String INTEGER = "integer";
  static final String INTEGER_VECTOR = "integer-vector";
  static final String ONNXRUNTIME = "onnxruntime";

  private EngineVsOrtBenchmark() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the benchmark; 0 on success, 1 on an error, 64 on a usage error. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    EngineBenchOptions options;
    try {
      options = EngineBenchOptions.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("minilm bench: " + e.getMessage());
      return 64;
    }
    if (options.help()) {
      out.print(EngineBenchOptions.USAGE);
      return 0;
    }
    try {
      out.println(measure(options, err));
      return 0;
    } catch (Exception e) {
      err.println("minilm bench: error: " + e);
      return 1;
    }
  }

  private static String measure(EngineBenchOptions o, PrintStream log) throws Exception {
    List<String> corpus = corpus();
    List<String> sentences = corpus.subList(0, Math.min(o.limit(), corpus.size()));
    int n = sentences.size();
    MiniLmEncoder scalar = load("integer engine (default kernel)", MatmulKernel.SCALAR, log);
    List<int[]> ids = new ArrayList<>();
    long tokens = 0;
    for (String s : sentences) {
      int[] t = scalar.tokenize(s);
      ids.add(t);
      tokens += t.length;
    }
    byte[][] digests = digests(scalar, sentences, 1);
    Boolean multiThreadSame = null;
    if (o.threads() > 1) {
      multiThreadSame = Arrays.deepEquals(digests, digests(scalar, sentences, o.threads()));
    }

    MiniLmEncoder vector = null;
    Boolean vectorSame = null;
    String vectorStatus = "skipped";
    if (!o.skipVector() && !VectorMatmulKernel.available()) {
      vectorStatus = "unavailable: " + VectorMatmulKernel.unavailableReason();
      log.println("integer engine: vector kernel " + vectorStatus);
    } else if (!o.skipVector()) {
      vectorStatus = "ok";
      vector = load("integer engine (vector kernel)", new VectorMatmulKernel(), log);
      vectorSame = Arrays.deepEquals(digests, digests(vector, sentences, o.threads()));
      if (!vectorSame) {
        log.println("integer engine: the vector kernel's outputs differ from the default's");
      }
    }
    Bits bits = new Bits(corpusDigest(digests), multiThreadSame, vectorSame);

    OrtEmbedder ort = null;
    String ortStatus = "skipped";
    if (!o.skipOrt()) {
      try {
        ort = new OrtEmbedder(resource(MiniLmEncoder.ONNX_ENTRY));
        ortStatus = "ok";
      } catch (Exception | LinkageError e) {
        ortStatus = "unavailable: " + e;
        log.println("onnxruntime " + ortStatus);
      }
    }

    // Engines take turns at each thread count, so the ratios compare runs close in time.
    RoundTimer.Work integer = i -> scalar.encode(sentences.get(i)).fixedPoint()[0];
    MiniLmEncoder v = vector;
    RoundTimer.Work integerVector = i -> v.encode(sentences.get(i)).fixedPoint()[0];
    OrtEmbedder e = ort;
    RoundTimer.Work onnxruntime = i -> e.embed(ids.get(i));
    List<Row> rows = new ArrayList<>();
    try {
      for (int threads : o.threads() > 1 ? new int[] {1, o.threads()} : new int[] {1}) {
        rows.add(row(INTEGER, threads, o, n, integer, log));
        if (vector != null) {
          rows.add(row(INTEGER_VECTOR, threads, o, n, integerVector, log));
        }
        if (ort != null) {
          rows.add(row(ONNXRUNTIME, threads, o, n, onnxruntime, log));
        }
      }
    } finally {
      if (ort != null) {
        ort.close();
      }
    }
    Integer lanes = vector != null ? VectorMatmulKernel.lanes() : null;
    return json(o, n, tokens, bits, new Engines(vectorStatus, lanes, ortStatus), rows);
  }

  private static MiniLmEncoder load(String label, MatmulKernel kernel, PrintStream log) {
    long t0 = System.nanoTime();
    MiniLmEncoder encoder = MiniLmEncoder.loadBundled(kernel);
    log.printf(Locale.ROOT, "%s loaded in %d ms%n", label, (System.nanoTime() - t0) / 1_000_000);
    return encoder;
  }

  /**
   * Output bits: the default kernel's corpus digest (one thread), whether its multi-thread run gave
   * the same digests, and whether the vector kernel did (on --threads threads); null: not run.
   */
  record Bits(String corpusDigest, Boolean multiThread, Boolean vector) {}

  /**
   * What ran besides the default kernel: "ok", "skipped" or "unavailable: why" for the vector
   * kernel (with its int32 lanes when it ran) and for ONNX Runtime.
   */
  record Engines(String vector, Integer vectorLanes, String onnxruntime) {}

  /** One measured configuration. */
  record Row(String engine, int threads, double median, double[] rounds) {}

  private static Row row(
      String engine, int threads, EngineBenchOptions o, int n, RoundTimer.Work w, PrintStream log)
      throws Exception {
    double[] r = RoundTimer.measure(engine, n, threads, o.warmup(), o.rounds(), w, log);
    return new Row(engine, threads, RoundTimer.median(r), r);
  }

  private static long store(byte[][] into, int i, byte[] digest) {
    into[i] = digest;
    return digest[0];
  }

  /** Every sentence's output digest, encoded on {@code threads} threads. */
  private static byte[][] digests(MiniLmEncoder encoder, List<String> sentences, int threads)
      throws Exception {
    byte[][] got = new byte[sentences.size()][];
    ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads) : null;
    try {
      RoundTimer.round(
          sentences.size(),
          threads,
          pool,
          i -> store(got, i, encoder.encode(sentences.get(i)).digest()));
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
    return got;
  }

  static String corpusDigest(byte[][] digests) throws NoSuchAlgorithmException {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    for (byte[] d : digests) {
      md.update(d);
    }
    return HexFormat.of().formatHex(md.digest());
  }

  static String json(
      EngineBenchOptions o,
      int sentences,
      long tokens,
      Bits bits,
      Engines engines,
      List<Row> rows) {
    StringBuilder b = new StringBuilder("{");
    b.append("\"sentences\": ").append(sentences);
    b.append(", \"tokens\": ").append(tokens);
    b.append(", \"warmup_rounds\": ").append(o.warmup());
    b.append(", \"rounds\": ").append(o.rounds());
    b.append(", \"threads\": ").append(o.threads());
    b.append(", \"available_processors\": ").append(Runtime.getRuntime().availableProcessors());
    b.append(", \"java\": ").append(quote(System.getProperty("java.runtime.version")));
    b.append(", \"corpus_digest\": ").append(quote(bits.corpusDigest()));
    b.append(", \"multi_thread_bit_identical\": ").append(bits.multiThread());
    b.append(", \"vector\": ").append(quote(engines.vector()));
    b.append(", \"vector_lanes\": ").append(engines.vectorLanes());
    b.append(", \"vector_bit_identical\": ").append(bits.vector());
    b.append(", \"onnxruntime\": ").append(quote(engines.onnxruntime()));
    b.append(", \"cuda\": ").append(quote(NO_CUDA));
    b.append(", \"results\": [");
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      b.append(i == 0 ? "" : ", ")
          .append("{\"engine\": ")
          .append(quote(r.engine()))
          .append(", \"threads\": ")
          .append(r.threads())
          .append(", \"embeddings_per_s\": ")
          .append(number(r.median()))
          .append(", \"rounds_per_s\": [");
      for (int k = 0; k < r.rounds().length; k++) {
        b.append(k == 0 ? "" : ", ").append(number(r.rounds()[k]));
      }
      b.append("]}");
    }
    b.append("], \"ratios\": [");
    String sep = "";
    for (Row r : rows) {
      if (!r.engine().equals(INTEGER)) {
        continue;
      }
      double vec = median(rows, INTEGER_VECTOR, r.threads());
      double ort = median(rows, ONNXRUNTIME, r.threads());
      if (Double.isNaN(vec) && Double.isNaN(ort)) {
        continue;
      }
      b.append(sep).append("{\"threads\": ").append(r.threads());
      b.append(", \"vector_over_scalar\": ").append(number(vec / r.median()));
      b.append(", \"onnxruntime_over_vector\": ").append(number(ort / vec));
      b.append(", \"onnxruntime_over_scalar\": ").append(number(ort / r.median()));
      b.append("}");
      sep = ", ";
    }
    return b.append("]}").toString();
  }

  /** The median of {@code engine} at {@code threads}; NaN when it was not measured. */
  private static double median(List<Row> rows, String engine, int threads) {
    for (Row r : rows) {
      if (r.engine().equals(engine) && r.threads() == threads) {
        return r.median();
      }
    }
    return Double.NaN;
  }

  private static String number(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f", v) : "null";
  }

  static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  static List<String> corpus() {
    List<String> out = new ArrayList<>();
    for (String line : new String(resource(CORPUS), StandardCharsets.UTF_8).split("\n", -1)) {
      if (!line.isBlank() && !line.startsWith("#")) {
        out.add(line);
      }
    }
    return out;
  }

  private static byte[] resource(String name) {
    try (InputStream in = EngineVsOrtBenchmark.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name + " on the class path");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
