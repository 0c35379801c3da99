package org.sprintchain.model;

/** Little-endian encoding, the byte order of every hash input and output in the model. */
public final class LittleEndian {
  private LittleEndian() {}

  /** The unsigned 32-bit word at {@code bytes[off..off+4)} as an int. */
  public static int readInt(byte[] bytes, int off) {
    return (bytes[off] & 0xFF)
        | (bytes[off + 1] & 0xFF) << 8
        | (bytes[off + 2] & 0xFF) << 16
        | (bytes[off + 3] & 0xFF) << 24;
  }

  /** {@code values} as 4 bytes each, least significant first. */
  public static byte[] ints(int[] values, int off, int len) {
    byte[] out = new byte[len * 4];
    for (int i = 0; i < len; i++) {
      int v = values[off + i];
      out[4 * i] = (byte) v;
      out[4 * i + 1] = (byte) (v >>> 8);
      out[4 * i + 2] = (byte) (v >>> 16);
      out[4 * i + 3] = (byte) (v >>> 24);
    }
    return out;
  }

  /** {@code value} as 4 bytes, least significant first. */
  public static byte[] int32(int value) {
    return ints(new int[] {value}, 0, 1);
  }

  /** {@code value} as 8 bytes, least significant first. */
  public static byte[] int64(long value) {
    byte[] out = new byte[8];
    for (int i = 0; i < 8; i++) {
      out[i] = (byte) (value >>> (8 * i));
    }
    return out;
  }
}
