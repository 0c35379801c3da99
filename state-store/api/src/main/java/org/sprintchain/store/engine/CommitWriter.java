package org.sprintchain.store.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;

/**
 * Writes a staged commit ({@link CommitStager}) as one batch: its value entries and root hash, the
 * pruning it brings about ({@link VersionPruner}) and the new latest version. The tree itself is
 * not stored (it is rebuilt from the value history on open); once the batch is written the new tree
 * becomes the latest in memory. Runs under the store's exclusive lock.
 */
final class CommitWriter {
  private final KvStorage storage;
  private final VersionPruner pruner;
  private final VersionRoots roots;
  private final TombstoneKeys tombstones;

  CommitWriter(
      KvStorage storage, VersionPruner pruner, VersionRoots roots, TombstoneKeys tombstones) {
    this.storage = storage;
    this.pruner = pruner;
    this.roots = roots;
    this.tombstones = tombstones;
  }

  /** Writes a commit staged on the latest version. */
  void write(StagedCommit staged) {
    long version = staged.version();
    KvBatch batch = new KvBatch();
    List<StaleEntry> madeStale = new ArrayList<>();
    for (StagedCommit.ValueChange c : staged.values()) {
      batch.put(
          StoreColumn.VALUES,
          ValueKeys.entryKey(c.key(), version),
          ValueHistory.encode(c.valueOrNull()));
      if (c.previousVersion() >= 0) {
        madeStale.add(new StaleEntry(ValueKeys.entryKey(c.key(), c.previousVersion())));
      }
    }
    batch.put(StoreColumn.ROOTS, VersionPruner.versionKey(version), staged.rootHash());
    SortedSet<Long> deferred = pruner.addTo(batch, version, madeStale);
    batch.put(StoreColumn.META, StoreMetadata.LATEST_KEY, StoreMetadata.encodeLong(version));
    storage.write(batch);
    pruner.written(deferred);
    for (StagedCommit.ValueChange c : staged.values()) {
      if (c.valueOrNull() == null) {
        tombstones.add(c.keyHash());
      }
    }
    roots.advance(version, staged.tree().root());
  }
}
