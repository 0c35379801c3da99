package org.sprintchain.minilm.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.util.Map;

/**
 * ONNX Runtime's float embedding of the same int8 ONNX file: {@code session.run} on the token ids
 * of one sentence, then mean pooling, as the integer engine does. One intra-op and one inter-op
 * thread per call; {@code run} may be called from several threads at once (ORT sessions are
 * thread-safe), which is how the multi-thread measurement uses it.
 */
final class OrtEmbedder implements AutoCloseable {
  private final OrtEnvironment env;
  private final OrtSession.SessionOptions options;
  private final OrtSession session;

  OrtEmbedder(byte[] onnx) throws OrtException {
    env = OrtEnvironment.getEnvironment();
    options = new OrtSession.SessionOptions();
    options.setIntraOpNumThreads(1);
    options.setInterOpNumThreads(1);
    session = env.createSession(onnx, options);
  }

  /** Embeds one sentence; returns bits of the first pooled value (a sink for the caller). */
  long embed(int[] ids) throws OrtException {
    long[][] input = new long[1][ids.length];
    long[][] mask = new long[1][ids.length];
    long[][] types = new long[1][ids.length];
    for (int i = 0; i < ids.length; i++) {
      input[0][i] = ids[i];
      mask[0][i] = 1;
    }
    try (OnnxTensor a = OnnxTensor.createTensor(env, input);
        OnnxTensor b = OnnxTensor.createTensor(env, mask);
        OnnxTensor c = OnnxTensor.createTensor(env, types);
        OrtSession.Result result =
            session.run(Map.of("input_ids", a, "attention_mask", b, "token_type_ids", c))) {
      float[][] h = ((float[][][]) result.get(0).getValue())[0];
      double[] mean = new double[h[0].length];
      for (float[] row : h) {
        for (int col = 0; col < row.length; col++) {
          mean[col] += row[col];
        }
      }
      return Double.doubleToRawLongBits(mean[0] / h.length);
    }
  }

  @Override
  public void close() throws OrtException {
    session.close();
    options.close();
  }
}
