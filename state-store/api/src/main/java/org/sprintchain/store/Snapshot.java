package org.sprintchain.store;

/**
 * An exported snapshot of one retained version. Chunks are produced on demand from the store (a
 * snapshot of 10M keys is about 1.5 GB), so the version must stay retained while peers fetch them.
 *
 * <p>Chunk encoding ({@link SnapshotManifest#FORMAT} 1): the live entries of the version in
 * unsigned key order, each as key length (4 bytes, big-endian), key, value length (4 bytes,
 * big-endian), value. A chunk holds whole entries and at most the requested chunk size unless a
 * single entry is larger; the entries of an empty store make one empty chunk.
 */
public interface Snapshot {
  SnapshotManifest manifest();

  /**
   * The bytes of chunk {@code index}, whose SHA-256 is {@code manifest().chunkHash(index)}.
   *
   * @throws VersionNotAvailableException when the version was pruned since the export
   */
  byte[] chunk(int index);
}
