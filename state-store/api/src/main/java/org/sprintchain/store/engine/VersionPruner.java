package org.sprintchain.store.engine;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.sprintchain.store.StoreCorruptedException;
import org.sprintchain.store.StoreOptions;

/**
 * Adds pruning to a commit's batch, so a version's data disappears atomically with the commit that
 * pushes it out of the retention window.
 *
 * <p>Every commit records what it makes stale (the value entries it supersedes) in the stale index
 * under its own version ({@link StaleEntry}). An entry created at c and made stale at s is live for
 * versions [c, s-1]. When version p = s-1 leaves the window, the entry is deleted unless a
 * checkpoint in [c, p] still reads it; either way its index record goes, since checkpoints are kept
 * forever.
 *
 * <p>Pinned versions (open snapshots, {@link VersionPins}) follow the same rule: pruning version q
 * can only delete entries live at a pinned p &lt;= q when no checkpoint lies in [p, q], so exactly
 * those versions are <b>deferred</b> (a pinned checkpoint holds back nothing). A deferred version
 * keeps its root and entries, so it stays readable, and is pruned by the first batch (an unpin, a
 * commit, or the next open) that finds nothing holding it back. Each deferred version is listed in
 * META under {@code "prune-deferred" ‖ version}, written in the batch that defers it and deleted in
 * the one that prunes it, so a restart, which drops every pin, prunes it on open.
 */
final class VersionPruner {
  /** META key prefix of a deferred version: prefix ‖ version (8, BE), empty value. */
  static final byte[] DEFERRED_PREFIX = "prune-deferred".getBytes(StandardCharsets.US_ASCII);

  private final KvStorage storage;
  private final StoreOptions options;
  private final VersionPins pins;

  /**
   * The deferred versions as stored. Changed only under the store's write lock, and only once the
   * batch that changes the stored list is written ({@link #written}).
   */
  private TreeSet<Long> deferred;

  VersionPruner(KvStorage storage, StoreOptions options, VersionPins pins) {
    this.storage = storage;
    this.options = options;
    this.pins = pins;
    this.deferred = readDeferred(storage);
  }

  /**
   * Adds to a commit's batch the stale index record of {@code committed} and the pruning of the
   * version leaving the window now and of deferred versions that nothing holds back any more.
   *
   * @return the deferred versions once the batch is written; hand them to {@link #written} then
   */
  SortedSet<Long> addTo(KvBatch batch, long committed, List<StaleEntry> madeStale) {
    if (!options.prunes()) {
      return deferred; // an archive store never deletes, so it keeps no stale index either
    }
    TreeSet<Long> due = new TreeSet<>(deferred);
    long leaving = options.versionLeavingWindow(committed);
    if (leaving >= 0) {
      due.add(leaving);
    }
    TreeSet<Long> waiting = new TreeSet<>();
    boolean indexed = madeStale.isEmpty();
    for (long version : due) {
      if (heldBack(version)) {
        waiting.add(version);
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
      batch.put(StoreColumn.STALE, versionKey(committed), StaleEntry.encodeList(madeStale));
    }
    listDeferred(batch, waiting);
    return waiting;
  }

  /**
   * Adds the pruning of deferred versions that nothing holds back any more (after an unpin, and on
   * open, when there are no pins). A store opened as an archive prunes nothing, deferred or not.
   *
   * @return as for {@link #addTo}
   */
  SortedSet<Long> addReleasedTo(KvBatch batch) {
    if (!options.prunes()) {
      return deferred;
    }
    TreeSet<Long> waiting = new TreeSet<>();
    for (long version : deferred) {
      if (heldBack(version)) {
        waiting.add(version);
      } else {
        pruneVersion(batch, version);
      }
    }
    listDeferred(batch, waiting);
    return waiting;
  }

  /** The deferred versions as stored. */
  SortedSet<Long> deferred() {
    return Collections.unmodifiableSortedSet(deferred);
  }

  /** Records that the batch holding the given deferred versions was written. */
  void written(SortedSet<Long> waiting) {
    deferred = new TreeSet<>(waiting);
  }

  /**
   * Whether pruning {@code version} could delete an entry that a pinned version reads: an entry
   * live at a pinned p and at the pruned q &gt;= p is kept anyway when a checkpoint lies in [p, q].
   */
  private boolean heldBack(long version) {
    long pinned = pins.highestAtOrBelow(version);
    return pinned >= 0 && !options.hasCheckpointIn(pinned, version);
  }

  /** Adds to the batch the changes that make the stored deferred list {@code waiting}. */
  void listDeferred(KvBatch batch, SortedSet<Long> waiting) {
    for (long version : waiting) {
      if (!deferred.contains(version)) {
        batch.put(StoreColumn.META, deferredKey(version), new byte[0]);
      }
    }
    for (long version : deferred) {
      if (!waiting.contains(version)) {
        batch.delete(StoreColumn.META, deferredKey(version));
      }
    }
  }

  /** Drops a version that left the window and what only it still read. */
  void pruneVersion(KvBatch batch, long leaving) {
    pruneRoot(batch, leaving);
    byte[] indexKey = versionKey(leaving + 1);
    storage
        .get(StoreColumn.STALE, indexKey)
        .ifPresent(
            list -> {
              StaleEntry.decodeList(list).forEach(e -> prune(batch, e, leaving));
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
      batch.delete(StoreColumn.VALUES, e.valueKey());
    }
  }

  /** The key of a version in ROOTS and STALE: 8 bytes, big-endian. */
  static byte[] versionKey(long version) {
    return StoreMetadata.encodeLong(version);
  }

  private static byte[] deferredKey(long version) {
    return ByteBuffer.allocate(DEFERRED_PREFIX.length + 8)
        .put(DEFERRED_PREFIX)
        .putLong(version)
        .array();
  }

  private static TreeSet<Long> readDeferred(KvStorage storage) {
    TreeSet<Long> out = new TreeSet<>();
    int prefix = DEFERRED_PREFIX.length;
    storage.scan(
        StoreColumn.META,
        DEFERRED_PREFIX,
        (k, v) -> {
          if (k.length < prefix || !Arrays.equals(k, 0, prefix, DEFERRED_PREFIX, 0, prefix)) {
            return false;
          }
          if (k.length != prefix + 8) {
            throw new StoreCorruptedException("malformed deferred pruning key in META");
          }
          out.add(ByteBuffer.wrap(k, prefix, 8).getLong());
          return true;
        });
    return out;
  }
}
