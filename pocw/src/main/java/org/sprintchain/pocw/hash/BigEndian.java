package org.sprintchain.pocw.hash;

/** Fixed-width big-endian encodings used in every hash preimage of this module. */
public final class BigEndian {
  private BigEndian() {}

  /** The 8 bytes of {@code v}, most significant first. */
  public static byte[] u64(long v) {
    byte[] out = new byte[8];
    for (int i = 7; i >= 0; i--) {
      out[i] = (byte) v;
      v >>>= 8;
    }
    return out;
  }

  /** The 4 bytes of {@code v}, most significant first. */
  public static byte[] u32(int v) {
    return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
  }

  /** Reads 8 bytes at {@code offset} as a big-endian (unsigned) 64-bit word. */
  public static long readU64(byte[] in, int offset) {
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (in[offset + i] & 0xFF);
    }
    return v;
  }
}
