package org.sprintchain.minilm.engine;

/**
 * Integer form of ONNX {@code DynamicQuantizeLinear} (per-tensor, asymmetric uint8). ONNX defines
 * {@code scale = (max(0,xmax) - min(0,xmin)) / 255}, {@code zp = round(-xmin / scale)} and {@code q
 * = clamp(round(x / scale) + zp, 0, 255)}; here the scale stays the exact rational {@code R/255}
 * over the Q32 range R, so no rounded scale is ever stored. The exported model was calibrated for
 * exactly these uint8 codes, and the encoder tracks ONNX Runtime closely only while it picks the
 * same codes, which is why the activations around it are kept at 32 fractional bits.
 */
public final class ActivationQuantizer {
  private ActivationQuantizer() {}

  /** Quantises the Q32 tensor {@code x} of shape [rows][cols]. */
  public static QuantizedActivations quantize(long[] x, int rows, int cols) {
    long min = 0;
    long max = 0;
    for (long v : x) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    long range = max - min;
    byte[] centered = new byte[x.length];
    if (range == 0) {
      // All zero: ONNX gives scale 0 and q = zp = 0; q - 128 = -128 with zero point 0 is that.
      java.util.Arrays.fill(centered, (byte) -128);
      return new QuantizedActivations(centered, rows, cols, 0, 0);
    }
    int zeroPoint =
        FixedMath.clamp(FixedMath.roundDiv(Math.multiplyExact(-min, 255L), range), 0, 255);
    for (int i = 0; i < x.length; i++) {
      long q = FixedMath.roundDiv(Math.multiplyExact(x[i], 255L), range) + zeroPoint;
      centered[i] = (byte) (FixedMath.clamp(q, 0, 255) - 128);
    }
    return new QuantizedActivations(centered, rows, cols, range, zeroPoint);
  }
}
