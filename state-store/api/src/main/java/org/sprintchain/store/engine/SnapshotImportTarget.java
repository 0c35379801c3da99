package org.sprintchain.store.engine;

import org.sprintchain.store.SnapshotImporter;
import org.sprintchain.store.SnapshotManifest;
import org.sprintchain.store.merkle.Subtree;

/**
 * The store side of a snapshot import ({@link SnapshotImport}): only an empty store starts one;
 * each chunk's batch, the switch to the imported version and the wipe of an import that failed or
 * was interrupted run under the store's exclusive lock.
 */
final class SnapshotImportTarget {
  private final KvStorage storage;
  private final VersionRoots roots;
  private final StoreLocks locks;

  SnapshotImportTarget(KvStorage storage, VersionRoots roots, StoreLocks locks) {
    this.storage = storage;
    this.roots = roots;
    this.locks = locks;
  }

  /** Starts an import into this store, which must be empty (version 0 and no entries). */
  SnapshotImporter start(SnapshotManifest manifest, byte[] trustedRoot) {
    return locks.read(
        () -> {
          boolean[] hasValues = {false};
          storage.scan(
              StoreColumn.VALUES,
              new byte[0],
              (k, v) -> {
                hasValues[0] = true;
                return false;
              });
          if (roots.latest() != 0 || hasValues[0]) {
            throw new IllegalStateException(
                "a snapshot can only be imported into an empty store; this one is at version "
                    + roots.latest());
          }
          return new SnapshotImport(this, manifest, trustedRoot);
        });
  }

  /** Whether an import was under way when the store last stopped. */
  boolean interrupted() {
    return storage.get(StoreColumn.META, StoreMetadata.IMPORT_KEY).isPresent();
  }

  void write(KvBatch batch) {
    locks.write(() -> storage.write(batch));
  }

  /** Makes the imported tree the latest version; version 0 and the versions between are gone. */
  void complete(long version, Subtree root) {
    locks.write(
        () -> {
          storage.write(
              new KvBatch()
                  .put(StoreColumn.ROOTS, VersionPruner.versionKey(version), root.hash())
                  .delete(StoreColumn.ROOTS, VersionPruner.versionKey(0))
                  .put(
                      StoreColumn.META, StoreMetadata.LATEST_KEY, StoreMetadata.encodeLong(version))
                  .delete(StoreColumn.META, StoreMetadata.IMPORT_KEY));
          roots.reset(version, root);
        });
  }

  /** Removes every value an unfinished import wrote; the store is empty again. */
  void wipe() {
    locks.writeExclusively(
        () -> {
          KvBatch batch = new KvBatch();
          storage.scan(
              StoreColumn.VALUES,
              new byte[0],
              (k, v) -> {
                batch.delete(StoreColumn.VALUES, k);
                return true;
              });
          storage.write(batch.delete(StoreColumn.META, StoreMetadata.IMPORT_KEY));
        });
  }
}
