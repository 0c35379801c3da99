package org.sprintchain.store.engine;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.sprintchain.store.StoreCorruptedException;

/**
 * A value-history entry that a commit superseded, and the encoding of a commit's list of them: the
 * value of its record in {@link StoreColumn#STALE}, a sequence of (kind {@code 02} value, key
 * length (2, BE), key). Kind {@code 01} (tree nodes, formats 1-3) is retired. See {@link
 * VersionPruner}.
 */
record StaleEntry(byte[] valueKey) {
  private static final byte VALUE = 0x02;

  /** The version that wrote the entry. */
  long createdVersion() {
    return ValueKeys.versionOf(valueKey);
  }

  /** One record per version, not one per entry: a 10k-write block can supersede 10k entries. */
  static byte[] encodeList(List<StaleEntry> entries) {
    int size = 0;
    for (StaleEntry e : entries) {
      size += 3 + e.valueKey().length;
    }
    ByteBuffer buf = ByteBuffer.allocate(size);
    for (StaleEntry e : entries) {
      buf.put(VALUE);
      buf.putShort((short) e.valueKey().length).put(e.valueKey());
    }
    return buf.array();
  }

  static List<StaleEntry> decodeList(byte[] list) {
    List<StaleEntry> out = new ArrayList<>();
    ByteBuffer buf = ByteBuffer.wrap(list);
    try {
      while (buf.hasRemaining()) {
        byte kind = buf.get();
        byte[] key = new byte[Short.toUnsignedInt(buf.getShort())];
        buf.get(key);
        if (kind != VALUE) {
          throw new StoreCorruptedException("stale index record of unknown kind " + kind);
        }
        out.add(new StaleEntry(key));
      }
    } catch (BufferUnderflowException e) {
      throw new StoreCorruptedException("malformed stale index record", e);
    }
    return out;
  }
}
