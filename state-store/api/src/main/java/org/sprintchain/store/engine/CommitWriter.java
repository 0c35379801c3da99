package org.sprintchain.store.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import org.sprintchain.store.merkle.NodeCodec;
import org.sprintchain.store.merkle.TreeUpdate;

/**
 * Writes a staged commit ({@link CommitStager}) as one batch: its tree nodes, value entries, delete
 * marks and root, the pruning it brings about ({@link VersionPruner}) and the new latest version.
 * Then it caches the new nodes and advances the latest root. Runs under the store's exclusive lock.
 */
final class CommitWriter {
  private final KvStorage storage;
  private final VersionPruner pruner;
  private final VersionRoots roots;
  private final StoredNodes nodes;

  CommitWriter(KvStorage storage, VersionPruner pruner, VersionRoots roots, StoredNodes nodes) {
    this.storage = storage;
    this.pruner = pruner;
    this.roots = roots;
    this.nodes = nodes;
  }

  /** Writes a commit staged on the latest version. */
  void write(StagedCommit staged) {
    long version = staged.version();
    KvBatch batch = new KvBatch();
    List<StaleEntry> madeStale = new ArrayList<>();
    for (TreeUpdate.NodeWrite w : staged.tree().newNodes()) {
      batch.put(StoreColumn.NODES, w.key().encode(), w.encoded());
    }
    staged.tree().staleNodes().forEach(k -> madeStale.add(StaleEntry.node(k)));
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
    batch.put(
        StoreColumn.ROOTS,
        VersionPruner.versionKey(version),
        NodeCodec.encodeRoot(staged.tree().root()));
    SortedSet<Long> deferred = pruner.addTo(batch, version, madeStale);
    batch.put(StoreColumn.META, StoreMetadata.LATEST_KEY, StoreMetadata.encodeLong(version));
    storage.write(batch);
    pruner.written(deferred);
    nodes.cacheWritten(staged.tree().newNodes());
    roots.advance(version, staged.tree().root());
  }
}
