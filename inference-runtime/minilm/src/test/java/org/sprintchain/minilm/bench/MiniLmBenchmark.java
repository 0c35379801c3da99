package org.sprintchain.minilm.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sprintchain.minilm.EmbeddingResult;
import org.sprintchain.minilm.MiniLmEncoder;

/**
 * Embeddings per second of the integer engine and of ONNX Runtime (float, same int8 ONNX file, one
 * intra-op and one inter-op thread) on the same CPU in the same JVM, over the quality corpus. Each
 * engine gets warm-up rounds, then timed rounds; a round encodes every corpus sentence once, one
 * sentence at a time (no batching). Reports the median round, the ratio, and {@code corpusDigest}
 * (SHA-256 over the concatenated integer digests, which changes iff any output bit changes). Prints
 * one JSON object on stdout.
 *
 * <p>The integer engine is timed on {@code encode(String)} (tokenizer + encoder + pooling); ONNX
 * Runtime on {@code session.run} + mean pooling over the same token ids (it has no tokenizer).
 *
 * <p>Arguments (all optional): {@code --warmup N} (default 1), {@code --rounds N} (default 5),
 * {@code --limit N} (first N corpus sentences; default all), {@code --skip-ort}.
 */
public final class MiniLmBenchmark {
  static final String CORPUS = "org/sprintchain/minilm/quality-corpus.txt";

  private MiniLmBenchmark() {}

  public static void main(String[] args) throws Exception {
    int warmup = 1;
    int rounds = 5;
    int limit = Integer.MAX_VALUE;
    boolean skipOrt = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        case "--limit" -> limit = Integer.parseInt(args[++i]);
        case "--skip-ort" -> skipOrt = true;
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    List<String> corpus = corpus();
    corpus = corpus.subList(0, Math.min(limit, corpus.size()));
    MiniLmEncoder encoder = MiniLmEncoder.loadBundled();
    List<int[]> ids = new ArrayList<>();
    long tokens = 0;
    for (String s : corpus) {
      int[] t = encoder.tokenize(s);
      ids.add(t);
      tokens += t.length;
    }

    String corpusDigest = corpusDigest(encoder, corpus);
    for (int r = 0; r < warmup; r++) {
      integerRound(encoder, corpus);
    }
    double[] ours = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      ours[r] = corpus.size() * 1e9 / integerRound(encoder, corpus);
      System.err.printf(Locale.ROOT, "integer round %d: %.2f embeddings/s%n", r, ours[r]);
    }

    double[] theirs = new double[0];
    String ortStatus = "skipped";
    if (!skipOrt) {
      try {
        theirs = ortRounds(ids, warmup, rounds);
        ortStatus = "ok";
      } catch (OrtException | LinkageError | RuntimeException e) {
        ortStatus = ("unavailable: " + e).replace("\\", "\\\\").replace("\"", "\\\"");
      }
    }
    double oursMedian = median(ours);
    double theirsMedian = theirs.length == 0 ? Double.NaN : median(theirs);
    System.out.printf(
        Locale.ROOT,
        "{\"sentences\": %d, \"tokens\": %d, \"warmupRounds\": %d, \"rounds\": %d,"
            + " \"threads\": 1, \"javaVersion\": \"%s\", \"availableProcessors\": %d,"
            + " \"integerEmbeddingsPerSecond\": %.2f, \"integerRounds\": %s,"
            + " \"onnxRuntime\": \"%s\", \"onnxRuntimeEmbeddingsPerSecond\": %.2f,"
            + " \"onnxRuntimeRounds\": %s, \"onnxRuntimeOverInteger\": %.2f,"
            + " \"corpusDigest\": \"%s\"}%n",
        corpus.size(),
        tokens,
        warmup,
        rounds,
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(),
        oursMedian,
        json(ours),
        ortStatus,
        theirsMedian,
        json(theirs),
        theirsMedian / oursMedian,
        corpusDigest);
  }

  private static long integerRound(MiniLmEncoder encoder, List<String> corpus) {
    long sink = 0;
    long t0 = System.nanoTime();
    for (String s : corpus) {
      sink += encoder.encode(s).fixedPoint()[0];
    }
    long elapsed = System.nanoTime() - t0;
    if (sink == Long.MIN_VALUE) {
      System.err.println(sink);
    }
    return elapsed;
  }

  private static String corpusDigest(MiniLmEncoder encoder, List<String> corpus)
      throws NoSuchAlgorithmException {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    for (String s : corpus) {
      EmbeddingResult r = encoder.encode(s);
      md.update(r.digest());
    }
    return HexFormat.of().formatHex(md.digest());
  }

  private static double[] ortRounds(List<int[]> ids, int warmup, int rounds) throws OrtException {
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      try (OrtSession session = env.createSession(resource(MiniLmEncoder.ONNX_ENTRY), options)) {
        for (int r = 0; r < warmup; r++) {
          ortRound(env, session, ids);
        }
        double[] out = new double[rounds];
        for (int r = 0; r < rounds; r++) {
          out[r] = ids.size() * 1e9 / ortRound(env, session, ids);
          System.err.printf(Locale.ROOT, "onnxruntime round %d: %.2f embeddings/s%n", r, out[r]);
        }
        return out;
      }
    }
  }

  private static long ortRound(OrtEnvironment env, OrtSession session, List<int[]> all)
      throws OrtException {
    double sink = 0;
    long t0 = System.nanoTime();
    for (int[] ids : all) {
      long[][] input = new long[1][ids.length];
      long[][] mask = new long[1][ids.length];
      long[][] types = new long[1][ids.length];
      for (int i = 0; i < ids.length; i++) {
        input[0][i] = ids[i];
        mask[0][i] = 1;
      }
      Map<String, OnnxTensor> feeds = new LinkedHashMap<>();
      try (OnnxTensor a = OnnxTensor.createTensor(env, input);
          OnnxTensor b = OnnxTensor.createTensor(env, mask);
          OnnxTensor c = OnnxTensor.createTensor(env, types)) {
        feeds.put("input_ids", a);
        feeds.put("attention_mask", b);
        feeds.put("token_type_ids", c);
        try (OrtSession.Result result = session.run(feeds)) {
          float[][] h = ((float[][][]) result.get(0).getValue())[0];
          double[] mean = new double[h[0].length];
          for (float[] row : h) {
            for (int col = 0; col < row.length; col++) {
              mean[col] += row[col];
            }
          }
          sink += mean[0] / h.length;
        }
      }
    }
    long elapsed = System.nanoTime() - t0;
    if (sink == Double.MAX_VALUE) {
      System.err.println(sink);
    }
    return elapsed;
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }

  private static String json(double[] v) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < v.length; i++) {
      b.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2f", v[i]));
    }
    return b.append(']').toString();
  }

  private static List<String> corpus() throws IOException {
    List<String> out = new ArrayList<>();
    for (String line : new String(resource(CORPUS), StandardCharsets.UTF_8).split("\n", -1)) {
      if (!line.isBlank() && !line.startsWith("#")) {
        out.add(line);
      }
    }
    return out;
  }

  private static byte[] resource(String name) {
    try (InputStream in = MiniLmBenchmark.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
