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

/**
 * Embeddings per second of the integer MiniLM engine against ONNX Runtime, same corpus (the quality
 * corpus of sprint-minilm), same CPU, same JVM; see {@link EngineBenchOptions#USAGE}. The JSON on
 * stdout also carries {@code corpus_digest} (SHA-256 over every sentence's output digest: it
 * changes iff an output bit changes) and whether the multi-thread run gave the same bits.
 *
 * <p>There is no CUDA backend for MiniLM (the CUDA adapter serves the sprint model only), so the
 * JSON says so rather than leaving the row out silently.
 */
public final class EngineVsOrtBenchmark {
  static final String CORPUS = "org/sprintchain/minilm/quality-corpus.txt";
  static final String NO_CUDA = "no CUDA backend for MiniLM";

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
    long t0 = System.nanoTime();
    MiniLmEncoder encoder = MiniLmEncoder.loadBundled();
    log.printf(
        Locale.ROOT, "integer engine loaded in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
    List<int[]> ids = new ArrayList<>();
    long tokens = 0;
    for (String s : sentences) {
      int[] t = encoder.tokenize(s);
      ids.add(t);
      tokens += t.length;
    }
    byte[][] digests = new byte[n][];
    RoundTimer.round(n, 1, null, i -> store(digests, i, encoder.encode(sentences.get(i)).digest()));
    String corpusDigest = corpusDigest(digests);

    List<Row> rows = new ArrayList<>();
    RoundTimer.Work integer = i -> encoder.encode(sentences.get(i)).fixedPoint()[0];
    rows.add(row("integer", 1, o, n, integer, log));
    Boolean bitIdentical = null;
    if (o.threads() > 1) {
      bitIdentical = sameBitsInParallel(encoder, sentences, digests, o.threads());
      rows.add(row("integer", o.threads(), o, n, integer, log));
    }

    String ortStatus = "skipped";
    if (!o.skipOrt()) {
      try (OrtEmbedder ort = new OrtEmbedder(resource(MiniLmEncoder.ONNX_ENTRY))) {
        RoundTimer.Work work = i -> ort.embed(ids.get(i));
        rows.add(row("onnxruntime", 1, o, n, work, log));
        if (o.threads() > 1) {
          rows.add(row("onnxruntime", o.threads(), o, n, work, log));
        }
        ortStatus = "ok";
      } catch (Exception | LinkageError e) {
        ortStatus = "unavailable: " + e;
        log.println("onnxruntime " + ortStatus);
      }
    }
    return json(o, n, tokens, corpusDigest, bitIdentical, ortStatus, rows);
  }

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

  private static boolean sameBitsInParallel(
      MiniLmEncoder encoder, List<String> sentences, byte[][] expected, int threads)
      throws Exception {
    byte[][] got = new byte[sentences.size()][];
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      RoundTimer.round(
          sentences.size(),
          threads,
          pool,
          i -> store(got, i, encoder.encode(sentences.get(i)).digest()));
    } finally {
      pool.shutdownNow();
    }
    return Arrays.deepEquals(expected, got);
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
      String corpusDigest,
      Boolean bitIdentical,
      String ortStatus,
      List<Row> rows) {
    StringBuilder b = new StringBuilder("{");
    b.append("\"sentences\": ").append(sentences);
    b.append(", \"tokens\": ").append(tokens);
    b.append(", \"warmup_rounds\": ").append(o.warmup());
    b.append(", \"rounds\": ").append(o.rounds());
    b.append(", \"threads\": ").append(o.threads());
    b.append(", \"available_processors\": ").append(Runtime.getRuntime().availableProcessors());
    b.append(", \"java\": ").append(quote(System.getProperty("java.runtime.version")));
    b.append(", \"corpus_digest\": ").append(quote(corpusDigest));
    b.append(", \"multi_thread_bit_identical\": ").append(bitIdentical);
    b.append(", \"onnxruntime\": ").append(quote(ortStatus));
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
    return b.append("]}").toString();
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
