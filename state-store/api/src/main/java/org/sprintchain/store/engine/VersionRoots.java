package org.sprintchain.store.engine;

import java.nio.ByteBuffer;
import java.util.Optional;
import org.sprintchain.store.StoreCorruptedException;
import org.sprintchain.store.VersionNotAvailableException;
import org.sprintchain.store.merkle.NodeCodec;
import org.sprintchain.store.merkle.Subtree;

/**
 * The latest version and its root, kept in memory, and the stored roots of the older retained
 * versions ({@link StoreColumn#ROOTS}). Read under the store's shared lock and advanced only under
 * its exclusive lock ({@link StoreLocks}).
 */
final class VersionRoots {
  private final KvStorage storage;
  private long latest;
  private Subtree latestRoot;

  /** Checks the stored format (initializing an empty store) and loads the latest root. */
  VersionRoots(KvStorage storage) {
    this.storage = storage;
    this.latest = StoreMetadata.openOrInitialize(storage);
    this.latestRoot =
        stored(latest)
            .orElseThrow(
                () ->
                    new StoreCorruptedException(
                        "root of latest version " + latest + " is missing"));
  }

  long latest() {
    return latest;
  }

  Subtree latestRoot() {
    return latestRoot;
  }

  /** Makes {@code root} the latest version's, once the batch that stores it is written. */
  void advance(long version, Subtree root) {
    latest = version;
    latestRoot = root;
  }

  /**
   * The root of a retained version.
   *
   * @throws VersionNotAvailableException when the version is pruned or not yet committed
   */
  Subtree at(long version) {
    if (version == latest) {
      return latestRoot;
    }
    if (version < 0 || version > latest) {
      throw new VersionNotAvailableException(
          version, oldestRetained(), latest, "not yet committed");
    }
    return stored(version)
        .orElseThrow(
            () -> new VersionNotAvailableException(version, oldestRetained(), latest, "pruned"));
  }

  private Optional<Subtree> stored(long version) {
    return storage
        .get(StoreColumn.ROOTS, VersionPruner.versionKey(version))
        .map(NodeCodec::decodeRoot);
  }

  private long oldestRetained() {
    long[] oldest = {latest};
    storage.scan(
        StoreColumn.ROOTS,
        new byte[0],
        (k, v) -> {
          oldest[0] = ByteBuffer.wrap(k).getLong();
          return false;
        });
    return oldest[0];
  }
}
