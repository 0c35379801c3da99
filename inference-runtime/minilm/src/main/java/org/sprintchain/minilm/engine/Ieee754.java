package org.sprintchain.minilm.engine;

/**
 * Reads IEEE-754 binary32 values from their raw bits into fixed point with integer arithmetic only.
 * A float is exactly {@code ±mantissa · 2^exponent}, so the conversion is exact up to one final
 * rounding, and the module never needs a floating-point instruction (it is deterministic core).
 */
public final class Ieee754 {
  private Ieee754() {}

  /**
   * {@code round(value · 2^frac)} of the binary32 with raw bits {@code bits}, rounding half away
   * from zero (the magnitude rounds half up, then the sign is applied).
   *
   * @throws IllegalArgumentException for NaN, infinity, or a value too large for the format
   */
  public static long toFixed(int bits, int frac) {
    int biased = (bits >>> 23) & 0xFF;
    long mantissa = bits & 0x7FFFFF;
    if (biased == 0xFF) {
      throw new IllegalArgumentException(
          "NaN or infinity in model weights: 0x" + Integer.toHexString(bits));
    }
    int exponent;
    if (biased == 0) {
      exponent = -149; // subnormal: no implicit leading one
    } else {
      mantissa |= 0x800000;
      exponent = biased - 150;
    }
    int shift = exponent + frac;
    long magnitude;
    if (mantissa == 0) {
      magnitude = 0;
    } else if (shift >= 0) {
      if (shift > 38) {
        throw new IllegalArgumentException(
            "float 0x" + Integer.toHexString(bits) + " does not fit in Q" + frac);
      }
      magnitude = mantissa << shift;
    } else if (shift < -25) {
      magnitude = 0; // below half an ulp of the target format
    } else {
      magnitude = FixedMath.roundShift(mantissa, -shift);
    }
    return bits < 0 ? -magnitude : magnitude;
  }

  /** {@link #toFixed} of each little-endian binary32 in {@code raw}, narrowed to int. */
  public static int[] toFixedInts(byte[] raw, int frac) {
    int[] out = new int[raw.length / 4];
    for (int i = 0; i < out.length; i++) {
      long v = toFixed(le32(raw, 4 * i), frac);
      if (v != (int) v) {
        throw new IllegalArgumentException("weight " + i + " does not fit in an int as Q" + frac);
      }
      out[i] = (int) v;
    }
    return out;
  }

  /** {@link #toFixed} of each little-endian binary32 in {@code raw}. */
  public static long[] toFixedLongs(byte[] raw, int frac) {
    long[] out = new long[raw.length / 4];
    for (int i = 0; i < out.length; i++) {
      out[i] = toFixed(le32(raw, 4 * i), frac);
    }
    return out;
  }

  static int le32(byte[] b, int off) {
    return (b[off] & 0xFF)
        | (b[off + 1] & 0xFF) << 8
        | (b[off + 2] & 0xFF) << 16
        | (b[off + 3] & 0xFF) << 24;
  }
}
