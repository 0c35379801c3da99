package org.sprintchain.store.engine;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.LongPredicate;
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
 *
 * <p>A version pinned by a running snapshot export is not pruned when it leaves the window: it and
 * every version leaving after it wait, in order, until a commit finds it unpinned (in order, so an
 * entry live at a waiting version is never deleted by a later version's pruning). The waiting
 * versions are listed in META under {@code "prune-deferred"}, written in the commit batches that
 * change the list, so a restart still prunes them.
 */
final class VersionPruner {
  private static final byte NODE = 0x01;
  private static final byte VALUE = 0x02;

  static final byte[] DEFERRED_KEY = "prune-deferred".getBytes(StandardCharsets.US_ASCII);

  private final KvStorage storage;
  private final StoreOptions options;

  /** Versions out of the window whose pruning waits for an export (see the class comment). */
  private final TreeSet<Long> deferred = new TreeSet<>();

  VersionPruner(KvStorage storage, StoreOptions options) {
    this.storage = storage;
    this.options = options;
    storage
        .get(StoreColumn.META, DEFERRED_KEY)
        .ifPresent(
            list -> {
              ByteBuffer buf = ByteBuffer.wrap(list);
              while (buf.remaining() >= 8) {
                deferred.add(buf.getLong());
              }
            });
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

  /**
   * Adds to a commit's batch the stale index record of {@code committed} and the pruning of the
   * versions leaving the window now, or earlier ones that waited, unless {@code pinned} holds them
   * back. Called under the store's write lock. The in-memory list changes before the batch is
   * written; a failed write halts the node, and a restart reads the list back from META.
   */
  void addTo(KvBatch batch, long committed, List<StaleEntry> madeStale, LongPredicate pinned) {
    if (!options.prunes()) {
      return; // an archive store never deletes, so it keeps no stale index either
    }
    TreeSet<Long> due = new TreeSet<>(deferred);
    long leaving = options.versionLeavingWindow(committed);
    if (leaving >= 0) {
      due.add(leaving);
    }
    boolean hadDeferred = !deferred.isEmpty();
    deferred.clear();
    boolean indexed = madeStale.isEmpty();
    for (long version : due) {
      if (!deferred.isEmpty() || pinned.test(version)) {
        deferred.add(version); // this and every later one wait, to keep the order
      } else if (version + 1 == committed) {
        // keepRecent = 1: what this commit makes stale is prunable at once, never indexed.
        pruneRoot(batch, version);
        madeStale.forEach(e -> prune(batch, e, version));
        indexed = true;
      } else {
        pruneVersion(batch, version);
      }
    }
    if (!indexed) {
      batch.put(StoreColumn.STALE, versionKey(committed), encode(madeStale));
    }
    if (!deferred.isEmpty()) {
      ByteBuffer list = ByteBuffer.allocate(8 * deferred.size());
      deferred.forEach(list::putLong);
      batch.put(StoreColumn.META, DEFERRED_KEY, list.array());
    } else if (hadDeferred) {
      batch.delete(StoreColumn.META, DEFERRED_KEY);
    }
  }

  /** Drops a version that left the window and what only it still read. */
  private void pruneVersion(KvBatch batch, long leaving) {
    pruneRoot(batch, leaving);
    byte[] indexKey = versionKey(leaving + 1);
    storage
        .get(StoreColumn.STALE, indexKey)
        .ifPresent(
            list -> {
              decode(list).forEach(e -> prune(batch, e, leaving));
              batch.delete(StoreColumn.STALE, indexKey);
            });
  }

  private void pruneRoot(KvBatch batch, long leaving) {
    if (!options.isCheckpoint(leaving)) {
      batch.delete(StoreColumn.ROOTS, versionKey(leaving));
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
