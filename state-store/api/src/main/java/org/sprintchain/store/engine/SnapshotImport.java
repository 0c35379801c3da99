package org.sprintchain.store.engine;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sprintchain.store.SnapshotImportResult;
import org.sprintchain.store.SnapshotImporter;
import org.sprintchain.store.SnapshotManifest;
import org.sprintchain.store.merkle.KeyUpdate;
import org.sprintchain.store.merkle.MerkleHashing;
import org.sprintchain.store.merkle.Subtree;
import org.sprintchain.store.merkle.TreeUpdater;

/**
 * Rebuilds the snapshot version chunk by chunk. Each chunk is one batch of its value entries under
 * the snapshot version, and is added to the tree in memory; the store's latest version stays 0
 * until the last chunk's root matches, so until then nothing is readable. An interrupted import is
 * marked in META and wiped on the next open.
 */
final class SnapshotImport implements SnapshotImporter {
  private final SnapshotImportTarget target;
  private final SnapshotManifest manifest;
  private final byte[] trustedRoot;
  private Subtree root = Subtree.EMPTY;
  private byte[] lastKey;
  private int next;
  private boolean done;

  SnapshotImport(SnapshotImportTarget target, SnapshotManifest manifest, byte[] trustedRoot) {
    this.target = target;
    this.manifest = manifest;
    this.trustedRoot = trustedRoot.clone();
  }

  @Override
  public SnapshotImportResult applyChunk(int index, byte[] chunk) {
    if (done) {
      throw new IllegalStateException("snapshot import already finished");
    }
    if (index != next) {
      return SnapshotImportResult.CHUNK_OUT_OF_ORDER;
    }
    if (!MessageDigest.isEqual(MerkleHashing.valueHash(chunk), manifest.chunkHash(index))) {
      return SnapshotImportResult.CHUNK_HASH_MISMATCH;
    }
    List<byte[][]> entries;
    try {
      entries = SnapshotChunks.decode(chunk);
      requireAscending(entries);
    } catch (IllegalArgumentException malformed) {
      abort();
      return SnapshotImportResult.MALFORMED_CHUNK;
    }
    apply(entries);
    next++;
    if (next < manifest.chunkCount()) {
      return SnapshotImportResult.ACCEPTED;
    }
    done = true;
    byte[] rebuilt = root.hash();
    if (!MessageDigest.isEqual(rebuilt, trustedRoot)
        || !MessageDigest.isEqual(rebuilt, manifest.rootHash())) {
      target.wipe();
      return SnapshotImportResult.ROOT_MISMATCH;
    }
    target.complete(manifest.version(), root);
    return SnapshotImportResult.COMPLETED;
  }

  @Override
  public void abort() {
    done = true;
    target.wipe();
  }

  private void requireAscending(List<byte[][]> entries) {
    byte[] previous = lastKey;
    for (byte[][] e : entries) {
      if (previous != null && Arrays.compareUnsigned(previous, e[0]) >= 0) {
        throw new IllegalArgumentException("snapshot keys are not strictly ascending");
      }
      previous = e[0];
    }
  }

  private void apply(List<byte[][]> entries) {
    long version = manifest.version();
    List<KeyUpdate> updates = new ArrayList<>(entries.size());
    KvBatch batch = new KvBatch();
    if (next == 0) {
      batch.put(StoreColumn.META, StoreMetadata.IMPORT_KEY, StoreMetadata.encodeLong(version));
    }
    for (byte[][] e : entries) {
      updates.add(new KeyUpdate(MerkleHashing.keyHash(e[0]), MerkleHashing.valueHash(e[1])));
      batch.put(StoreColumn.VALUES, ValueKeys.entryKey(e[0], version), ValueHistory.encode(e[1]));
    }
    updates.sort((a, b) -> Arrays.compareUnsigned(a.keyHash(), b.keyHash()));
    Subtree next = TreeUpdater.apply(root, version, updates).root();
    target.write(batch);
    root = next;
    if (!entries.isEmpty()) {
      lastKey = entries.get(entries.size() - 1)[0];
    }
  }
}
