package org.sprintchain.store.engine;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import org.sprintchain.store.Snapshot;
import org.sprintchain.store.SnapshotManifest;
import org.sprintchain.store.StateSnapshots;
import org.sprintchain.store.StateStore;
import org.sprintchain.store.StoreCorruptedException;
import org.sprintchain.store.merkle.MerkleHashing;

/**
 * A snapshot of one version. The export pass walks the live entries once to fix the chunk
 * boundaries and hashes; a chunk is rebuilt on request from its first key and entry count, and
 * checked against the manifest before it leaves the store.
 *
 * <p>The snapshot owns one pin of its version, taken by the store before the pass and released by
 * {@link #close()}; each {@link #chunk} call takes a pin of its own for its read, so closing the
 * snapshot while a chunk is being read cannot prune the version under that read.
 */
final class SnapshotExport implements Snapshot {
  /** The store side: pins, and reads of pinned versions that do not hold up commits. */
  interface PinnedVersions {
    /**
     * Pins a version while it is retained.
     *
     * @throws org.sprintchain.store.VersionNotAvailableException when it is not
     */
    void pin(long version);

    /** Drops one pin; the pruning that waited for the version's last pin is done now. */
    void unpin(long version);

    /** Live entries of a pinned version with key &gt;= {@code fromKey}, in key order. */
    void scanFrom(byte[] fromKey, long version, StateStore.EntryVisitor visitor);
  }

  private final PinnedVersions source;
  private final SnapshotManifest manifest;
  private final List<byte[]> firstKeys;
  private final List<Integer> entryCounts;
  private boolean closed;

  private SnapshotExport(
      PinnedVersions source,
      SnapshotManifest manifest,
      List<byte[]> firstKeys,
      List<Integer> entryCounts) {
    this.source = source;
    this.manifest = manifest;
    this.firstKeys = firstKeys;
    this.entryCounts = entryCounts;
  }

  static void checkChunkBytes(int chunkBytes) {
    if (chunkBytes < 1 || chunkBytes > StateSnapshots.MAX_CHUNK_BYTES) {
      throw new IllegalArgumentException(
          "chunk size must be 1.." + StateSnapshots.MAX_CHUNK_BYTES + ", got " + chunkBytes);
    }
  }

  /**
   * Runs the export pass over a version that {@code source} has pinned once for the snapshot; the
   * snapshot returned owns that pin.
   */
  static SnapshotExport export(PinnedVersions source, long version, byte[] root, int chunkBytes) {
    List<byte[]> firstKeys = new ArrayList<>();
    List<Integer> counts = new ArrayList<>();
    List<byte[]> hashes = new ArrayList<>();
    ByteArrayOutputStream chunk = new ByteArrayOutputStream();
    int[] count = {0};
    firstKeys.add(new byte[0]);
    source.scanFrom(
        new byte[0],
        version,
        (k, v) -> {
          int size = SnapshotChunks.entrySize(k, v);
          if (size > StateSnapshots.MAX_CHUNK_BYTES) {
            throw new IllegalArgumentException(
                "an entry of " + size + " bytes does not fit in a snapshot chunk");
          }
          if (count[0] > 0 && chunk.size() + size > chunkBytes) {
            hashes.add(MerkleHashing.valueHash(chunk.toByteArray()));
            counts.add(count[0]);
            firstKeys.add(k);
            chunk.reset();
            count[0] = 0;
          }
          SnapshotChunks.append(chunk, k, v);
          count[0]++;
          return true;
        });
    hashes.add(MerkleHashing.valueHash(chunk.toByteArray()));
    counts.add(count[0]);
    return new SnapshotExport(
        source, new SnapshotManifest(version, root, hashes), firstKeys, counts);
  }

  @Override
  public SnapshotManifest manifest() {
    return manifest;
  }

  @Override
  public byte[] chunk(int index) {
    if (index < 0 || index >= manifest.chunkCount()) {
      throw new IndexOutOfBoundsException(
          "chunk " + index + " of a snapshot of " + manifest.chunkCount());
    }
    ByteArrayOutputStream chunk = new ByteArrayOutputStream();
    int[] left = {entryCounts.get(index)};
    source.pin(manifest.version());
    try {
      if (left[0] > 0) {
        source.scanFrom(
            firstKeys.get(index),
            manifest.version(),
            (k, v) -> {
              SnapshotChunks.append(chunk, k, v);
              return --left[0] > 0;
            });
      }
    } finally {
      source.unpin(manifest.version());
    }
    byte[] bytes = chunk.toByteArray();
    if (!MessageDigest.isEqual(MerkleHashing.valueHash(bytes), manifest.chunkHash(index))) {
      throw new StoreCorruptedException(
          "snapshot chunk " + index + " of version " + manifest.version() + " changed");
    }
    return bytes;
  }

  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    source.unpin(manifest.version());
  }
}
