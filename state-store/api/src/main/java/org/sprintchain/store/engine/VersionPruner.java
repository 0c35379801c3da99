package org.sprintchain.store.engine;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.sprintchain.store.StoreCorruptedException;
import org.sprintchain.store.StoreOptions;
import org.sprintchain.store.merkle.NodeKey;

/**
 * Adds pruning to a commit's batch, so a version's data disappears atomically with the commit that
 * pushes it out of the retention window.
 *
 * <p>Every commit records what it makes stale (tree nodes and superseded value entries) in the
 * stale index under its own version. An entry created at c and made stale at s is live for versions
 * [c, s-1]. When version p = s-1 leaves the window, the entry is deleted unless a checkpoint in [c,
 * p] still reads it; either way its index record goes, since checkpoints are kept forever.
 */
final class VersionPruner {
  private static final byte NODE = 0x01;
  private static final byte VALUE = 0x02;

  private final KvStorage storage;
  private final StoreOptions options;

  VersionPruner(KvStorage storage, StoreOptions options) {
    this.storage = storage;
    this.options = options;
  }

  /** A stored entry that a commit stopped referencing. */
  record StaleEntry(StoreColumn column, byte[] key, long createdVersion) {
    static StaleEntry node(NodeKey key) {
      return new StaleEntry(StoreColumn.NODES, key.encode(), key.version());
    }

    static StaleEntry value(byte[] valueKey) {
      return new StaleEntry(StoreColumn.VALUES, valueKey, ValueKeys.versionOf(valueKey));
    }
  }

  void addTo(KvBatch batch, long committed, List<StaleEntry> madeStale) {
    if (!options.prunes()) {
      return; // an archive store never deletes, so it keeps no stale index either
    }
    long leaving = options.versionLeavingWindow(committed);
    if (leaving >= 0 && !options.isCheckpoint(leaving)) {
      batch.delete(StoreColumn.ROOTS, versionKey(leaving));
    }
    if (leaving >= 0 && leaving + 1 == committed) {
      // keepRecent = 1: what this commit makes stale is prunable at once, never indexed.
      madeStale.forEach(e -> prune(batch, e, leaving));
    } else if (!madeStale.isEmpty()) {
      batch.put(StoreColumn.STALE, versionKey(committed), encode(madeStale));
    }
    if (leaving >= 0) {
      byte[] indexKey = versionKey(leaving + 1);
      storage
          .get(StoreColumn.STALE, indexKey)
          .ifPresent(
              list -> {
                decode(list).forEach(e -> prune(batch, e, leaving));
                batch.delete(StoreColumn.STALE, indexKey);
              });
    }
  }

  private void prune(KvBatch batch, StaleEntry e, long leaving) {
    if (!options.hasCheckpointIn(e.createdVersion(), leaving)) {
      batch.delete(e.column(), e.key());
    }
  }

  /** One record per version, not one per entry: a 10k-write block makes ~100k entries stale. */
  private static byte[] encode(List<StaleEntry> entries) {
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

  private static List<StaleEntry> decode(byte[] list) {
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

  static byte[] versionKey(long version) {
    return ByteBuffer.allocate(8).putLong(version).array();
  }
}
