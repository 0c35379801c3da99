package org.sprintchain.store.engine;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.sprintchain.store.StoreCorruptedException;
import org.sprintchain.store.merkle.NodeKey;

/**
 * A stored entry that a commit stopped referencing, and the encoding of a commit's list of them:
 * the value of its record in {@link StoreColumn#STALE}, a sequence of (kind {@code 01} node /
 * {@code 02} value, key length (2, BE), key). See {@link VersionPruner}.
 */
record StaleEntry(StoreColumn column, byte[] key, long createdVersion) {
  private static final byte NODE = 0x01;
  private static final byte VALUE = 0x02;

  static StaleEntry node(NodeKey key) {
    return new StaleEntry(StoreColumn.NODES, key.encode(), key.version());
  }

  static StaleEntry value(byte[] valueKey) {
    return new StaleEntry(StoreColumn.VALUES, valueKey, ValueKeys.versionOf(valueKey));
  }

  /** One record per version, not one per entry: a 10k-write block makes ~100k entries stale. */
  static byte[] encodeList(List<StaleEntry> entries) {
    int size = 0;
    for (StaleEntry e : entries) {
      size += 3 + e.key().length;
    }
    ByteBuffer buf = ByteBuffer.allocate(size);
    for (StaleEntry e : entries) {
      buf.put(e.column() == StoreColumn.NODES ? NODE : VALUE);
      buf.putShort((short) e.key().length).put(e.key());
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
        out.add(
            kind == NODE
                ? new StaleEntry(StoreColumn.NODES, key, NodeKey.versionOf(key))
                : StaleEntry.value(key));
      }
    } catch (BufferUnderflowException e) {
      throw new StoreCorruptedException("malformed stale index record", e);
    }
    return out;
  }
}
