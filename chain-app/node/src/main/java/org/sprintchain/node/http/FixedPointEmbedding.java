package org.sprintchain.node.http;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;

/**
 * An embedding as the chain carries it, int32 little-endian in Q30 fixed point (value × 2³⁰),
 * turned into the floats an OpenAI client expects. Q30 holds an L2-normalised component exactly to
 * within 2⁻³⁰, finer than a float's 24-bit mantissa, so the float is the nearest to the exact
 * value.
 */
final class FixedPointEmbedding {
  static final int FRACTION_BITS = 30;
  private static final double SCALE = 1.0 / (1L << FRACTION_BITS);

  private FixedPointEmbedding() {}

  /**
   * @throws IllegalArgumentException when {@code output} is not a whole number of int32s
   */
  static float[] toFloats(byte[] output) {
    if (output.length % 4 != 0) {
      throw new IllegalArgumentException(
          "an embedding is int32s; " + output.length + " bytes is not a multiple of 4");
    }
    ByteBuffer in = ByteBuffer.wrap(output).order(ByteOrder.LITTLE_ENDIAN);
    float[] out = new float[output.length / 4];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) (in.getInt() * SCALE);
    }
    return out;
  }

  /** OpenAI's {@code encoding_format: "base64"}: the float32 values little-endian, base64. */
  static String base64(float[] values) {
    ByteBuffer out = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    for (float v : values) {
      out.putFloat(v);
    }
    return Base64.getEncoder().encodeToString(out.array());
  }
}
