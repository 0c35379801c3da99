package org.sprintchain.store.engine;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Keys of the value history column: {@code escape(key) || 0x00 0x01 || ~version (8 bytes,
 * big-endian)}. Escaping (0x00 becomes 0x00 0xFF) keeps unsigned key order across keys of different
 * length, so a prefix scan yields keys in order; the inverted version puts the newest entry of a
 * key first, so a read at version v is one seek to {@code key || ~v}.
 */
final class ValueKeys {
  private static final int VERSION_BYTES = 8;

  private ValueKeys() {}

  /** The escaped form of a key prefix: every stored key starting with it has a key so prefixed. */
  static byte[] escapedPrefix(byte[] prefix) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(prefix.length + 4);
    for (byte b : prefix) {
      out.write(b);
      if (b == 0) {
        out.write(0xFF);
      }
    }
    return out.toByteArray();
  }

  /** The escaped key with its terminator: identifies one user key. */
  static byte[] keyPart(byte[] key) {
    byte[] escaped = escapedPrefix(key);
    byte[] out = Arrays.copyOf(escaped, escaped.length + 2);
    out[escaped.length + 1] = 0x01;
    return out;
  }

  /**
   * {@code withVersion(keyPart(key), version)} in one allocation: every commit makes one per write.
   */
  static byte[] entryKey(byte[] key, long version) {
    int zeros = 0;
    for (byte b : key) {
      if (b == 0) {
        zeros++;
      }
    }
    ByteBuffer out = ByteBuffer.allocate(key.length + zeros + 2 + VERSION_BYTES);
    for (byte b : key) {
      out.put(b);
      if (b == 0) {
        out.put((byte) 0xFF);
      }
    }
    return out.put((byte) 0).put((byte) 1).putLong(~version).array();
  }

  static byte[] withVersion(byte[] keyPart, long version) {
    // ByteBuffer rather than shifts and casts: the determinism scanner flags long-to-int casts.
    return ByteBuffer.allocate(keyPart.length + VERSION_BYTES)
        .put(keyPart)
        .putLong(~version)
        .array();
  }

  static long versionOf(byte[] entryKey) {
    return ~ByteBuffer.wrap(entryKey, entryKey.length - VERSION_BYTES, VERSION_BYTES).getLong();
  }

  static boolean hasKeyPart(byte[] entryKey, byte[] keyPart) {
    return entryKey.length == keyPart.length + VERSION_BYTES
        && Arrays.equals(entryKey, 0, keyPart.length, keyPart, 0, keyPart.length);
  }

  static byte[] keyPartOf(byte[] entryKey) {
    return Arrays.copyOf(entryKey, entryKey.length - VERSION_BYTES);
  }

  /** The user key of an entry key. */
  static byte[] userKeyOf(byte[] entryKey) {
    int end = entryKey.length - VERSION_BYTES - 2;
    ByteArrayOutputStream out = new ByteArrayOutputStream(end);
    for (int i = 0; i < end; i++) {
      out.write(entryKey[i]);
      if (entryKey[i] == 0) {
        i++; // skip the 0xFF escape byte
      }
    }
    return out.toByteArray();
  }
}
