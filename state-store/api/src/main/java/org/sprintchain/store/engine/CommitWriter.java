package org.sprintchain.store.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;

/**
 * Writes a staged commit ({@link CommitStager}) as one batch: its value entries, delete marks and
 * root hash, the pruning it brings about ({@link VersionPruner}) and the new latest version. The
 * tree itself is not stored (it is rebuilt from the value history on open); once the batch is
 * written the new tree becomes the latest in memory. Runs under the store's exclusive lock.
 */
final class CommitWriter {
  private final KvStorage storage;
  private final VersionPruner pruner;
  private final VersionRoots roots;

  CommitWriter(KvStorage storage, VersionPruner pruner, VersionRoots roots) {
    this.storage = storage;
    this.pruner = pruner;
    this.roots = roots;
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
      if (c.valueOrNull() == null) {
        batch.put(StoreColumn.DELETED, c.key(), new byte[0]);
      } else if (c.deletedMark()) {
        batch.delete(StoreColumn.DELETED, c.key());
      }
      if (c.previousVersion() >= 0) {
        madeStale.add(StaleEntry.value(ValueKeys.entryKey(c.key(), c.previousVersion())));
      }
    }
    batch.put(StoreColumn.ROOTS, VersionPruner.versionKey(version), staged.rootHash());
    SortedSet<Long> deferred = pruner.addTo(batch, version, madeStale);
    batch.put(StoreColumn.META, StoreMetadata.LATEST_KEY, StoreMetadata.encodeLong(version));
    storage.write(batch);
    pruner.written(deferred);
    roots.advance(version, staged.tree().root());
  }
}
