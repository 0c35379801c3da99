package org.sprintchain.store.engine;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import java.util.TreeMap;
import org.sprintchain.store.StoreCorruptedException;
import org.sprintchain.store.StoreOptions;
import org.sprintchain.store.VersionNotAvailableException;
import org.sprintchain.store.merkle.MerkleHashing;
import org.sprintchain.store.merkle.Subtree;

/**
 * The versions and their trees. Stored: the root hash of every retained version ({@link
 * StoreColumn#ROOTS}) and the latest version (META). In memory: the trees of the latest {@code
 * residentVersions} versions, which share every subtree they did not change (older retained
 * versions are rebuilt for a proof, {@link RebuiltTrees}). Read under the store's shared lock and
 * changed only under its exclusive lock ({@link StoreLocks}).
 */
final class VersionRoots {
  /** Most versions kept in memory; proofs at older retained versions rebuild their tree. */
  static final int MAX_RESIDENT = 16;

  private final KvStorage storage;
  private final int residentVersions;
  private long latest;
  private final TreeMap<Long, Subtree> resident = new TreeMap<>();

  /** Checks the stored format (initializing an empty store); {@link #open} loads the tree. */
  VersionRoots(KvStorage storage, StoreOptions options) {
    this.storage = storage;
    this.residentVersions =
        (int) (options.prunes() ? Math.min(options.keepRecent(), MAX_RESIDENT) : MAX_RESIDENT);
    this.latest = StoreMetadata.openOrInitialize(storage);
    stored(latest)
        .orElseThrow(
            () -> new StoreCorruptedException("root of latest version " + latest + " is missing"));
  }

  /**
   * Installs the latest version's tree, rebuilt from the value history on open.
   *
   * @throws StoreCorruptedException when its root is not the stored root of that version
   */
  void open(Subtree latestTree) {
    requireStoredRoot(latest, latestTree);
    resident.clear();
    resident.put(latest, latestTree);
  }

  long latest() {
    return latest;
  }

  Subtree latestRoot() {
    return resident.get(latest);
  }

  /** Makes {@code root} the latest version's, once the batch that stores it is written. */
  void advance(long version, Subtree root) {
    latest = version;
    resident.put(version, root);
    while (resident.size() > residentVersions) {
      resident.pollFirstEntry();
    }
  }

  /** After a snapshot import: {@code version} is the only version. */
  void reset(long version, Subtree root) {
    latest = version;
    resident.clear();
    resident.put(version, root);
  }

  /**
   * The root hash of a retained version.
   *
   * @throws VersionNotAvailableException when the version is pruned or not yet committed
   */
  byte[] hash(long version) {
    if (version == latest) {
      return latestRoot().hash();
    }
    if (version < 0 || version > latest) {
      throw new VersionNotAvailableException(
          version, oldestRetained(), latest, "not yet committed");
    }
    return stored(version)
        .orElseThrow(
            () -> new VersionNotAvailableException(version, oldestRetained(), latest, "pruned"));
  }

  /**
   * The in-memory tree of a retained version, or null when it is no longer in memory.
   *
   * @throws VersionNotAvailableException when the version is pruned or not yet committed
   */
  Subtree resident(long version) {
    Subtree tree = resident.get(version);
    if (tree == null) {
      hash(version); // retained (the tree is then rebuilt) or refused; resident ones are in the
      // window
    }
    return tree;
  }

  /**
   * Checks a rebuilt tree against the stored root of its version.
   *
   * @throws StoreCorruptedException when they differ or the root is missing
   */
  void requireStoredRoot(long version, Subtree tree) {
    byte[] stored =
        stored(version)
            .orElseThrow(
                () -> new StoreCorruptedException("root of version " + version + " is missing"));
    if (!MessageDigest.isEqual(stored, tree.hash())) {
      throw new StoreCorruptedException(
          "the value history of version "
              + version
              + " gives root "
              + HexFormat.of().formatHex(tree.hash())
              + " but the stored root is "
              + HexFormat.of().formatHex(stored));
    }
  }

  private Optional<byte[]> stored(long version) {
    Optional<byte[]> root = storage.get(StoreColumn.ROOTS, VersionPruner.versionKey(version));
    root.ifPresent(
        r -> {
          if (r.length != MerkleHashing.HASH_BYTES) {
            throw new StoreCorruptedException("malformed root of version " + version);
          }
        });
    return root;
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
