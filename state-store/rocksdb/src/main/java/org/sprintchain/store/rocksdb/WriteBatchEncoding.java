package org.sprintchain.store.rocksdb;

import java.util.function.ToIntFunction;
import org.sprintchain.store.engine.KvBatch;
import org.sprintchain.store.engine.StoreColumn;

/**
 * Builds RocksDB's serialized WriteBatch representation in Java, so that a commit of tens of
 * thousands of operations crosses JNI once. The layout is RocksDB's stable WriteBatch format
 * ({@code db/write_batch.cc}): a 12-byte header (sequence number, fixed64 little-endian, filled in
 * by RocksDB; operation count, fixed32 little-endian), then per operation a tag byte, the column
 * family id as a varint32 (not for the default family), and length-prefixed (varint32) key and
 * value.
 */
final class WriteBatchEncoding {
  private static final byte DELETION = 0x00;
  private static final byte VALUE = 0x01;
  private static final byte CF_DELETION = 0x04;
  private static final byte CF_VALUE = 0x05;
  private static final int HEADER = 12;

  private WriteBatchEncoding() {}

  /** The serialized batch, in an array of exactly its size (no copy: large ones are humongous). */
  static byte[] encode(KvBatch batch, ToIntFunction<StoreColumn> familyId) {
    int size = HEADER;
    for (KvBatch.Op op : batch.ops()) {
      int family = familyId.applyAsInt(op.column());
      size += 1 + (family == 0 ? 0 : varintSize(family)) + lengthPrefixedSize(op.key());
      if (!op.isDelete()) {
        size += lengthPrefixedSize(op.value());
      }
    }
    Buffer out = new Buffer(size);
    out.pos = 8; // sequence number: zero, RocksDB assigns it
    int count = batch.size();
    for (int i = 0; i < 4; i++) {
      out.bytes[out.pos++] = (byte) (count >>> (8 * i));
    }
    for (KvBatch.Op op : batch.ops()) {
      int family = familyId.applyAsInt(op.column());
      if (family == 0) {
        out.put(op.isDelete() ? DELETION : VALUE);
      } else {
        out.put(op.isDelete() ? CF_DELETION : CF_VALUE);
        out.varint(family);
      }
      out.lengthPrefixed(op.key());
      if (!op.isDelete()) {
        out.lengthPrefixed(op.value());
      }
    }
    if (out.pos != size) {
      throw new IllegalStateException("write batch encoded to " + out.pos + " bytes, not " + size);
    }
    return out.bytes;
  }

  private static int lengthPrefixedSize(byte[] data) {
    return varintSize(data.length) + data.length;
  }

  static int varintSize(int value) {
    int size = 1;
    for (int v = value >>> 7; v != 0; v >>>= 7) {
      size++;
    }
    return size;
  }

  private static final class Buffer {
    final byte[] bytes;
    int pos;

    Buffer(int capacity) {
      bytes = new byte[capacity];
    }

    void put(byte b) {
      bytes[pos++] = b;
    }

    void varint(int value) {
      int v = value;
      while ((v & ~0x7F) != 0) {
        bytes[pos++] = (byte) ((v & 0x7F) | 0x80);
        v >>>= 7;
      }
      bytes[pos++] = (byte) v;
    }

    void lengthPrefixed(byte[] data) {
      varint(data.length);
      System.arraycopy(data, 0, bytes, pos, data.length);
      pos += data.length;
    }
  }
}
