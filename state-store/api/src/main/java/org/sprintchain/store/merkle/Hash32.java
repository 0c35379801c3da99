package org.sprintchain.store.merkle;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Moves 32-byte hashes between byte arrays and the big-endian {@code long}s nodes keep. */
final class Hash32 {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  private Hash32() {}

  static long longAt(byte[] bytes, int offset) {
    return (long) LONGS.get(bytes, offset);
  }

  static void putLong(byte[] bytes, int offset, long value) {
    LONGS.set(bytes, offset, value);
  }

  /** Writes a hash held as four longs into {@code out} at {@code offset}. */
  static void put(byte[] out, int offset, long h0, long h1, long h2, long h3) {
    putLong(out, offset, h0);
    putLong(out, offset + 8, h1);
    putLong(out, offset + 16, h2);
    putLong(out, offset + 24, h3);
  }

  static byte[] bytes(long h0, long h1, long h2, long h3) {
    byte[] out = new byte[MerkleHashing.HASH_BYTES];
    put(out, 0, h0, h1, h2, h3);
    return out;
  }
}
