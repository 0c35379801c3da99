package org.sprintchain.minilm;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * ONNX Runtime running the same int8 ONNX file in float: the quality oracle. Tests that use it skip
 * (with the reason) where the native library cannot load.
 */
final class OnnxRuntimeOracle implements AutoCloseable {
  private final OrtEnvironment env;
  private final OrtSession session;

  private OnnxRuntimeOracle(OrtEnvironment env, OrtSession session) {
    this.env = env;
    this.session = session;
  }

  /**
   * The oracle, or the reason it cannot run here. {@code BASIC_OPT} runs the ONNX graph as written
   * (constant folding and redundant-node removal only, which keep every value); {@code
   * EXTENDED_OPT} and above replace subgraphs with ORT's fused kernels (LayerNormalization, GELU,
   * attention), which round differently.
   */
  static Optional<OnnxRuntimeOracle> open(
      OrtSession.SessionOptions.OptLevel level, String[] whyNot) {
    try {
      OrtEnvironment env = OrtEnvironment.getEnvironment();
      OrtSession.SessionOptions options = new OrtSession.SessionOptions();
      options.setIntraOpNumThreads(1);
      options.setOptimizationLevel(level);
      byte[] model = TestModel.resource(MiniLmEncoder.ONNX_ENTRY);
      return Optional.of(new OnnxRuntimeOracle(env, env.createSession(model, options)));
    } catch (OrtException | LinkageError | RuntimeException e) {
      whyNot[0] = "ONNX Runtime cannot load on this machine: " + e;
      return Optional.empty();
    }
  }

  /** last_hidden_state [tokens][384] for one unpadded sentence. */
  float[][] lastHiddenState(int[] ids) throws OrtException {
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
      try (OrtSession.Result r = session.run(feeds)) {
        return ((float[][][]) r.get(0).getValue())[0];
      }
    }
  }

  /** Mean of the token states (the sentence-transformers pooling), in double. */
  double[] meanPooled(int[] ids) throws OrtException {
    float[][] h = lastHiddenState(ids);
    double[] mean = new double[h[0].length];
    for (float[] row : h) {
      for (int c = 0; c < row.length; c++) {
        mean[c] += row[c];
      }
    }
    for (int c = 0; c < mean.length; c++) {
      mean[c] /= h.length;
    }
    return mean;
  }

  static double cosine(double[] a, double[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      na += a[i] * a[i];
      nb += b[i] * b[i];
    }
    return dot / Math.sqrt(na * nb);
  }

  static double[] toDouble(int[] fixed, int shift) {
    double[] out = new double[fixed.length];
    for (int i = 0; i < fixed.length; i++) {
      out[i] = fixed[i] / (double) (1L << shift);
    }
    return out;
  }

  @Override
  public void close() throws OrtException {
    session.close();
  }
}
