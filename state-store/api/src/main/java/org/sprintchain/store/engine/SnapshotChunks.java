package org.sprintchain.store.engine;

import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** The chunk encoding of snapshot format 1: (key length, key, value length, value) repeated. */
final class SnapshotChunks {
  private SnapshotChunks() {}

  static int entrySize(byte[] key, byte[] value) {
    return 8 + key.length + value.length;
  }

  static void append(ByteArrayOutputStream out, byte[] key, byte[] value) {
    out.writeBytes(ByteBuffer.allocate(4).putInt(key.length).array());
    out.writeBytes(key);
    out.writeBytes(ByteBuffer.allocate(4).putInt(value.length).array());
    out.writeBytes(value);
  }

  /**
   * @throws IllegalArgumentException when the bytes are not a sequence of whole entries
   */
  static List<byte[][]> decode(byte[] chunk) {
    List<byte[][]> out = new ArrayList<>();
    ByteBuffer buf = ByteBuffer.wrap(chunk);
    try {
      while (buf.hasRemaining()) {
        byte[] key = take(buf);
        byte[] value = take(buf);
        out.add(new byte[][] {key, value});
      }
    } catch (BufferUnderflowException e) {
      throw new IllegalArgumentException("truncated snapshot entry", e);
    }
    return out;
  }

  private static byte[] take(ByteBuffer buf) {
    int length = buf.getInt();
    if (length < 0 || length > buf.remaining()) {
      throw new IllegalArgumentException("snapshot entry length " + length + " out of range");
    }
    byte[] bytes = new byte[length];
    buf.get(bytes);
    return bytes;
  }
}
