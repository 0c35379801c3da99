package org.sprintchain.store.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sprintchain.store.ByteKey;
import org.sprintchain.store.ProofVerifier;
import org.sprintchain.store.Snapshot;
import org.sprintchain.store.SnapshotImportResult;
import org.sprintchain.store.SnapshotImporter;
import org.sprintchain.store.SnapshotManifest;
import org.sprintchain.store.StateSnapshots;
import org.sprintchain.store.StateStore;
import org.sprintchain.store.StoreOptions;
import org.sprintchain.store.WriteSet;

/** State-sync export and import, for every store that implements {@link StateSnapshots}. */
public abstract class SnapshotContractTest extends StoreContractBase {
  private static final int KEYS = 300;

  /** A source store at version 30 of seeded blocks (with deletes). */
  private StateStore source() {
    StateStore store = newStore();
    BlockGenerator blocks = new BlockGenerator(41, KEYS, 60);
    for (int i = 0; i < 30; i++) {
      commit(store, blocks.next());
    }
    return store;
  }

  private static StateSnapshots snapshots(StateStore store) {
    return (StateSnapshots) store;
  }

  private static SnapshotImportResult importAll(
      StateStore target, Snapshot snapshot, byte[] trustedRoot) {
    SnapshotImporter importer = snapshots(target).importSnapshot(snapshot.manifest(), trustedRoot);
    SnapshotImportResult last = null;
    for (int i = 0; i < snapshot.manifest().chunkCount(); i++) {
      last = importer.applyChunk(i, snapshot.chunk(i));
      if (i < snapshot.manifest().chunkCount() - 1) {
        assertEquals(SnapshotImportResult.ACCEPTED, last, "chunk " + i);
      }
    }
    return last;
  }

  private static List<String> contents(StateStore store, long version) {
    List<String> out = new ArrayList<>();
    store.iterate(new byte[0], version, (k, v) -> out.add(ByteKey.of(k) + "=" + ByteKey.of(v)));
    return out;
  }

  @Test
  void importRebuildsTheSameVersionRootAndReads() {
    StateStore source = source();
    Snapshot snapshot = snapshots(source).exportSnapshot(20, 512);
    assertTrue(snapshot.manifest().chunkCount() > 3, "small chunks make several");
    StateStore target = newStore();
    assertEquals(SnapshotImportResult.COMPLETED, importAll(target, snapshot, source.rootHash(20)));
    assertEquals(20, target.latestVersion());
    assertArrayEquals(source.rootHash(20), target.rootHash());
    assertEquals(contents(source, 20), contents(target, 20));
    for (int k = 0; k < KEYS + 10; k++) {
      byte[] key = BlockGenerator.key(k);
      Optional<byte[]> value = source.get(key, 20);
      assertEquals(value.map(ByteKey::of), target.get(key).map(ByteKey::of), "key " + k);
      assertTrue(ProofVerifier.verify(target.prove(key, 20), key, value, source.rootHash(20)));
    }
    // The chain goes on from the snapshot: the next block gives the source's next root.
    BlockGenerator blocks = new BlockGenerator(41, KEYS, 60);
    for (int i = 0; i < 20; i++) {
      blocks.next();
    }
    for (long v = 21; v <= 30; v++) {
      commit(target, blocks.next());
      assertArrayEquals(source.rootHash(v), target.rootHash(), "version " + v);
    }
    assertEquals(contents(source, 30), contents(target, 30));
    StateStore reopened = reopen(target);
    assertEquals(30, reopened.latestVersion());
    assertArrayEquals(source.rootHash(30), reopened.rootHash());
  }

  @Test
  void exportIsDeterministicAndChunksMatchTheManifest() {
    StateStore source = source();
    Snapshot a = snapshots(source).exportSnapshot(25, 1000);
    Snapshot b = snapshots(source).exportSnapshot(25, 1000);
    assertEquals(a.manifest(), b.manifest());
    assertArrayEquals(a.manifest().hash(), b.manifest().hash());
    assertEquals(a.manifest(), SnapshotManifest.decode(a.manifest().encode()));
    for (int i = 0; i < a.manifest().chunkCount(); i++) {
      byte[] chunk = a.chunk(i);
      assertTrue(chunk.length <= 1000, "chunk " + i + " has " + chunk.length + " bytes");
      assertArrayEquals(chunk, b.chunk(i));
    }
    assertArrayEquals(source.rootHash(25), a.manifest().rootHash());
  }

  @Test
  void tamperedChunkIsRefusedAndTheRightOneStillApplies() {
    StateStore source = source();
    Snapshot snapshot = snapshots(source).exportSnapshot(30, 400);
    StateStore target = newStore();
    SnapshotImporter importer =
        snapshots(target).importSnapshot(snapshot.manifest(), source.rootHash(30));
    byte[] tampered = snapshot.chunk(0);
    tampered[tampered.length - 1] ^= 1;
    assertEquals(SnapshotImportResult.CHUNK_HASH_MISMATCH, importer.applyChunk(0, tampered));
    assertEquals(
        SnapshotImportResult.CHUNK_OUT_OF_ORDER, importer.applyChunk(1, snapshot.chunk(1)));
    assertEquals(0, target.latestVersion());
    SnapshotImportResult last = null;
    for (int i = 0; i < snapshot.manifest().chunkCount(); i++) {
      last = importer.applyChunk(i, snapshot.chunk(i));
    }
    assertEquals(SnapshotImportResult.COMPLETED, last);
    assertArrayEquals(source.rootHash(), target.rootHash());
  }

  @Test
  void wrongTrustedRootIsRefusedAndLeavesTheStoreEmpty() {
    StateStore source = source();
    Snapshot snapshot = snapshots(source).exportSnapshot(30, 700);
    StateStore target = newStore();
    byte[] wrong = source.rootHash(29);
    assertEquals(SnapshotImportResult.ROOT_MISMATCH, importAll(target, snapshot, wrong));
    assertEquals(0, target.latestVersion());
    assertArrayEquals(new byte[32], target.rootHash());
    assertEquals(List.of(), contents(target, 0));
    // Empty for real: a correct import afterwards works, and so does a restart.
    StateStore reopened = reopen(target);
    assertEquals(0, reopened.latestVersion());
    assertEquals(
        SnapshotImportResult.COMPLETED, importAll(reopened, snapshot, source.rootHash(30)));
    assertEquals(contents(source, 30), contents(reopened, 30));
  }

  @Test
  void forgedManifestRootIsRefused() {
    StateStore source = source();
    Snapshot snapshot = snapshots(source).exportSnapshot(30, 700);
    SnapshotManifest m = snapshot.manifest();
    List<byte[]> hashes = new ArrayList<>();
    for (int i = 0; i < m.chunkCount(); i++) {
      hashes.add(m.chunkHash(i));
    }
    SnapshotManifest forged = new SnapshotManifest(30, source.rootHash(29), hashes);
    StateStore target = newStore();
    SnapshotImporter importer = snapshots(target).importSnapshot(forged, source.rootHash(29));
    SnapshotImportResult last = null;
    for (int i = 0; i < m.chunkCount(); i++) {
      last = importer.applyChunk(i, snapshot.chunk(i));
    }
    assertEquals(SnapshotImportResult.ROOT_MISMATCH, last);
    assertEquals(0, target.latestVersion());
    assertEquals(List.of(), contents(target, 0));
  }

  @Test
  void onlyAnEmptyStoreImports() {
    StateStore source = source();
    Snapshot snapshot = snapshots(source).exportSnapshot(30);
    assertEquals(1, snapshot.manifest().chunkCount());
    assertThrows(
        IllegalStateException.class,
        () -> snapshots(source).importSnapshot(snapshot.manifest(), source.rootHash()));
  }

  @Test
  void emptyContentsMakeOneEmptyChunk() {
    StateStore source = newStore(StoreOptions.archive());
    commit(source, new WriteSet());
    Snapshot snapshot = snapshots(source).exportSnapshot(1, 100);
    assertEquals(1, snapshot.manifest().chunkCount());
    assertEquals(0, snapshot.chunk(0).length);
    StateStore target = newStore();
    assertEquals(SnapshotImportResult.COMPLETED, importAll(target, snapshot, new byte[32]));
    assertEquals(1, target.latestVersion());
    commit(target, writes("a", "1"));
    assertEquals(2, target.latestVersion());
  }

  @Test
  void abortLeavesTheStoreEmpty() {
    StateStore source = source();
    Snapshot snapshot = snapshots(source).exportSnapshot(30, 400);
    StateStore target = newStore();
    SnapshotImporter importer =
        snapshots(target).importSnapshot(snapshot.manifest(), source.rootHash());
    assertEquals(SnapshotImportResult.ACCEPTED, importer.applyChunk(0, snapshot.chunk(0)));
    importer.abort();
    assertEquals(0, target.latestVersion());
    assertEquals(List.of(), contents(target, 0));
    assertEquals(SnapshotImportResult.COMPLETED, importAll(target, snapshot, source.rootHash(30)));
  }

  @Test
  void interruptedImportIsWipedOnReopen() {
    StateStore source = source();
    Snapshot snapshot = snapshots(source).exportSnapshot(30, 400);
    StateStore target = newStore();
    SnapshotImporter importer =
        snapshots(target).importSnapshot(snapshot.manifest(), source.rootHash());
    assertEquals(SnapshotImportResult.ACCEPTED, importer.applyChunk(0, snapshot.chunk(0)));
    StateStore reopened = reopen(target); // the node died mid-import
    assertEquals(0, reopened.latestVersion());
    assertEquals(List.of(), contents(reopened, 0));
    assertEquals(
        SnapshotImportResult.COMPLETED, importAll(reopened, snapshot, source.rootHash(30)));
    assertArrayEquals(source.rootHash(), reopened.rootHash());
  }
}
