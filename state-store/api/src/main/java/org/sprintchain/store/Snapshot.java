package org.sprintchain.store;

/**
 * An exported snapshot of one retained version. Chunks are produced on demand from the store (a
 * snapshot of 10M keys is about 1.5 GB), so the snapshot <b>pins</b> its version: from the export
 * until {@link #close()}, pruning leaves the version readable (a version that leaves the retention
 * window meanwhile is pruned when the last snapshot of it is closed). Close every snapshot once no
 * peer needs its chunks; one that is never closed holds back pruning until the store is reopened.
 *
 * <p>Chunk encoding ({@link SnapshotManifest#FORMAT} 1): the live entries of the version in
 * unsigned key order, each as key length (4 bytes, big-endian), key, value length (4 bytes,
 * big-endian), value. A chunk holds whole entries and at most the requested chunk size unless a
 * single entry is larger; the entries of an empty store make one empty chunk.
 */
public interface Snapshot extends AutoCloseable {
  SnapshotManifest manifest();

  /**
   * The bytes of chunk {@code index}, whose SHA-256 is {@code manifest().chunkHash(index)}. Safe to
   * call from any thread, also while the snapshot is being closed. After {@link #close()} it still
   * works while the version happens to be retained.
   *
   * @throws VersionNotAvailableException when the snapshot was closed and its version pruned since
   */
  byte[] chunk(int index);

  /**
   * Unpins the version; pruning that waited for it is done now, in one batch, so this can fail like
   * a commit ({@link StoreUnavailableException}, {@link StoreCorruptedException}; the next commit
   * then retries it). Idempotent; a no-op after the store was closed (the store then prunes on its
   * next open).
   */
  @Override
  void close();
}
