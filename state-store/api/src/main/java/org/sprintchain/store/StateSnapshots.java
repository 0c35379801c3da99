package org.sprintchain.store;

/**
 * State sync for a {@link StateStore}: export of a retained version as deterministic chunks, and
 * import of such chunks into an empty store. Both stores of this module implement it.
 */
public interface StateSnapshots {
  /** Default chunk size: 4 MiB, well under CometBFT's 16 MB chunk limit. */
  int DEFAULT_CHUNK_BYTES = 4 << 20;

  /** Largest chunk size accepted: CometBFT refuses chunks of 16 MB or more. */
  int MAX_CHUNK_BYTES = (16 << 20) - (64 << 10);

  /**
   * Exports the contents of a retained version. The same contents and chunk size always give the
   * same chunks and manifest, on any node. The returned snapshot pins the version until it is
   * closed; commits go on meanwhile (the export does not hold the store's lock across its pass).
   *
   * @throws VersionNotAvailableException when the version is pruned or not yet committed
   * @throws IllegalArgumentException when chunkBytes is not in 1..{@link #MAX_CHUNK_BYTES}, or an
   *     entry does not fit in a chunk of {@link #MAX_CHUNK_BYTES}
   */
  Snapshot exportSnapshot(long version, int chunkBytes);

  default Snapshot exportSnapshot(long version) {
    return exportSnapshot(version, DEFAULT_CHUNK_BYTES);
  }

  /**
   * Starts rebuilding this store from a snapshot. {@code trustedRoot} is the app hash of the
   * snapshot's height as the light client verified it; the manifest's own root is only a claim.
   *
   * @throws IllegalStateException when the store is not empty (version 0 and no entries)
   */
  SnapshotImporter importSnapshot(SnapshotManifest manifest, byte[] trustedRoot);
}
