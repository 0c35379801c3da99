package org.sprintchain.store.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.sprintchain.store.ByteKey;
import org.sprintchain.store.Proof;
import org.sprintchain.store.ProofVerifier;
import org.sprintchain.store.Snapshot;
import org.sprintchain.store.SnapshotImportResult;
import org.sprintchain.store.SnapshotImporter;
import org.sprintchain.store.StateSnapshots;
import org.sprintchain.store.StateStore;
import org.sprintchain.store.StoreOptions;
import org.sprintchain.store.VersionNotAvailableException;
import org.sprintchain.store.WriteSet;
import org.sprintchain.store.engine.KvBatch;
import org.sprintchain.store.engine.KvStorage;
import org.sprintchain.store.engine.StoreColumn;

/**
 * A snapshot export pins its version instead of holding the store's lock across its pass: commits
 * complete while the export reads, pruning that would drop the pinned version waits until the
 * snapshot is closed (or the store reopened), and the snapshot is exactly that of its version. A
 * proof at an old version rebuilds its tree the same way.
 */
public abstract class ExportPinningContractTest extends StoreContractBase {
  private static final int KEYS = 3000; // several pieces of an export's reads
  private static final int CHUNK_BYTES = 4096;
  private static final long TIMEOUT_SECONDS = 30;

  /** A new, empty store whose storage calls all go through {@code decorate(storage)}. */
  protected abstract StateStore createStore(
      StoreOptions options, UnaryOperator<KvStorage> decorate);

  /** Entries stored in a column, read from the store's own storage. */
  protected abstract long storedEntries(StateStore store, StoreColumn column);

  @Override
  protected final StateStore createStore(StoreOptions options) {
    return createStore(options, UnaryOperator.identity());
  }

  @Test
  void commitsCompleteWhileAnExportScanIsInProgress() throws Exception {
    ScanGate[] gate = new ScanGate[1];
    StateStore store =
        track(createStore(StoreOptions.pruning(1, 0), s -> gate[0] = new ScanGate(s)));
    StateStore reference = newStore();
    for (StateStore s : List.of(store, reference)) {
      commit(s, block(0, KEYS));
    }
    Snapshot expected = snapshots(reference).exportSnapshot(1, CHUNK_BYTES);
    byte[] rootAtOne = store.rootHash(1);

    CompletableFuture<Snapshot> export = new CompletableFuture<>();
    Thread exporter =
        new Thread(
            () -> {
              try {
                export.complete(snapshots(store).exportSnapshot(1, CHUNK_BYTES));
              } catch (RuntimeException | Error e) {
                export.completeExceptionally(e);
              }
            },
            "exporter");
    // Holds the export at its first read of the version's entries, and again at its second.
    gate[0].stopAt(exporter, 2);
    exporter.start();
    try {
      assertTrue(gate[0].awaitStop(0), "the export never read the version's entries");
      commitWhileHeldUp(store, block(KEYS, 10)); // version 2 pushes version 1 out of the window
      gate[0].resume(0);
      assertTrue(
          gate[0].awaitStop(1),
          "the export read the whole version in one scan; it must read it in pieces");
      commitWhileHeldUp(store, block(KEYS + 10, 10));
      assertFalse(export.isDone(), "the export is still held up between two reads");
      assertEquals(3, store.latestVersion());
      assertArrayEquals(rootAtOne, store.rootHash(1), "the pinned version stays readable");
    } finally {
      gate[0].resumeAll();
    }
    try (Snapshot snapshot = export.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      assertEquals(expected.manifest(), snapshot.manifest());
      for (int i = 0; i < expected.manifest().chunkCount(); i++) {
        assertArrayEquals(expected.chunk(i), snapshot.chunk(i), "chunk " + i);
      }
    }
    exporter.join();
    assertThrows(VersionNotAvailableException.class, () -> store.rootHash(1));
  }

  /**
   * A proof at a retained version whose tree is no longer in memory rebuilds it the way an export
   * reads: pinned, in pieces, without the store's lock.
   */
  @Test
  void commitsCompleteWhileAProofRebuildsAnOldVersion() throws Exception {
    ScanGate[] gate = new ScanGate[1];
    StateStore store =
        track(createStore(StoreOptions.pruning(40, 0), s -> gate[0] = new ScanGate(s)));
    commit(store, block(0, KEYS));
    for (int v = 2; v <= 30; v++) {
      commit(store, block(KEYS + 10 * v, 10));
    }
    byte[] key = BlockGenerator.key(7);
    byte[] value = store.get(key, 1).orElseThrow();
    byte[] rootAtOne = store.rootHash(1);

    CompletableFuture<Proof> proof = new CompletableFuture<>();
    Thread prover =
        new Thread(
            () -> {
              try {
                proof.complete(store.prove(key, 1));
              } catch (RuntimeException | Error e) {
                proof.completeExceptionally(e);
              }
            },
            "prover");
    gate[0].stopAt(prover, 1);
    prover.start();
    try {
      assertTrue(gate[0].awaitStop(0), "the proof did not read the value history of version 1");
      commitWhileHeldUp(store, block(KEYS + 1000, 10));
      assertFalse(proof.isDone(), "the proof is still held up");
    } finally {
      gate[0].resumeAll();
    }
    assertTrue(
        ProofVerifier.verify(
            proof.get(TIMEOUT_SECONDS, TimeUnit.SECONDS), key, Optional.of(value), rootAtOne));
    assertTrue(
        ProofVerifier.verify(store.prove(key, 1), key, Optional.of(value), rootAtOne),
        "the rebuilt tree is reused");
    prover.join();
  }

  @Test
  void pruningOfAPinnedVersionWaitsUntilItsSnapshotIsClosed() throws Exception {
    StoreOptions options = StoreOptions.pruning(2, 0);
    StateStore store = newStore(options);
    StateStore unpinned = newStore(options);
    StateStore archive = newStore();
    runEach(5, 61, store, unpinned, archive);
    Snapshot snapshot = snapshots(store).exportSnapshot(5, 512);
    byte[] rootAtFive = store.rootHash(5);
    runEach(10, 62, store, unpinned, archive); // versions 6..15: 5..13 leave the window

    assertThrows(VersionNotAvailableException.class, () -> unpinned.rootHash(5));
    for (long v = 5; v <= 13; v++) {
      // Pruning 6..13 would delete entries that version 5 reads (no checkpoint in between).
      assertArrayEquals(archive.rootHash(v), store.rootHash(v), "deferred version " + v);
    }
    assertEquals(contents(archive, 5), contents(store, 5));
    for (int k = 0; k < 40; k++) {
      byte[] key = BlockGenerator.key(k);
      Optional<byte[]> value = archive.get(key, 5);
      assertEquals(value.map(ByteKey::of), store.get(key, 5).map(ByteKey::of));
      assertTrue(ProofVerifier.verify(store.prove(key, 5), key, value, rootAtFive));
    }
    assertChunksMatchManifest(snapshot);
    assertImports(snapshot, rootAtFive);

    snapshot.close();
    for (long v = 5; v <= 13; v++) {
      long version = v;
      assertThrows(VersionNotAvailableException.class, () -> store.rootHash(version));
    }
    assertSameStoredEntries(unpinned, store);
    assertThrows(VersionNotAvailableException.class, () -> snapshot.chunk(0));
    snapshot.close(); // idempotent
    runEach(3, 63, store, unpinned);
    assertArrayEquals(unpinned.rootHash(), store.rootHash());
    assertSameStoredEntries(unpinned, store);
  }

  @Test
  void aPinHoldsBackOnlyTheVersionsBeforeTheNextCheckpoint() throws Exception {
    StoreOptions options = StoreOptions.pruning(1, 5);
    StateStore store = newStore(options);
    StateStore unpinned = newStore(options);
    StateStore archive = newStore();
    runEach(6, 71, store, unpinned, archive);
    try (Snapshot atCheckpoint = snapshots(store).exportSnapshot(5, 512);
        Snapshot atSix = snapshots(store).exportSnapshot(6, 512)) {
      runEach(8, 72, store, unpinned, archive); // latest 14; 5..13 have left the window
      for (long v : new long[] {5, 6, 7, 8, 9, 10, 14}) {
        assertArrayEquals(archive.rootHash(v), store.rootHash(v), "version " + v);
        assertEquals(contents(archive, v), contents(store, v), "contents of " + v);
      }
      for (long v : new long[] {11, 12, 13}) {
        long version = v; // checkpoint 10 keeps what version 6 reads: no need to wait for it
        assertThrows(VersionNotAvailableException.class, () -> store.rootHash(version));
      }
      assertChunksMatchManifest(atCheckpoint);
      assertChunksMatchManifest(atSix);
      assertImports(atSix, archive.rootHash(6));
    }
    for (long v : new long[] {6, 7, 8, 9}) {
      long version = v;
      assertThrows(VersionNotAvailableException.class, () -> store.rootHash(version));
    }
    assertArrayEquals(archive.rootHash(5), store.rootHash(5)); // a checkpoint stays
    assertSameStoredEntries(unpinned, store);
  }

  @Test
  void aDeferredPruneIsCarriedOutWhenTheStoreIsReopened() {
    StoreOptions options = StoreOptions.pruning(2, 0);
    StateStore store = newStore(options);
    StateStore unpinned = newStore(options);
    runEach(5, 81, store, unpinned);
    Snapshot snapshot = snapshots(store).exportSnapshot(5, 512);
    runEach(5, 82, store, unpinned); // versions 6..10: 5..8 wait for the snapshot
    store.rootHash(5);
    assertTrue(
        storedEntries(store, StoreColumn.ROOTS) > storedEntries(unpinned, StoreColumn.ROOTS));

    // The node stops (or dies) with the snapshot open: the pin is gone, the deferred list is not.
    StateStore reopened = reopen(store, options);
    for (long v = 5; v <= 8; v++) {
      long version = v;
      assertThrows(VersionNotAvailableException.class, () -> reopened.rootHash(version));
    }
    assertSameStoredEntries(unpinned, reopened);
    snapshot.close(); // its store is closed: nothing left to do, and no error
    runEach(3, 83, reopened, unpinned);
    assertArrayEquals(unpinned.rootHash(), reopened.rootHash());
    assertSameStoredEntries(unpinned, reopened);
  }

  @Test
  void aFailedExportReleasesItsPin() {
    ScanGate[] gate = new ScanGate[1];
    StateStore store =
        track(createStore(StoreOptions.pruning(1, 0), s -> gate[0] = new ScanGate(s)));
    commit(store, block(0, 20));
    gate[0].failScansOf(Thread.currentThread());
    assertThrows(IllegalStateException.class, () -> snapshots(store).exportSnapshot(1, 512));
    gate[0].failScansOf(null);
    assertThrows(
        IllegalArgumentException.class, () -> snapshots(store).exportSnapshot(1, 0), "chunk size");
    commit(store, block(20, 5));
    assertThrows(VersionNotAvailableException.class, () -> store.rootHash(1));
  }

  private static void commitWhileHeldUp(StateStore store, WriteSet writes) throws Exception {
    CompletableFuture<Void> done =
        CompletableFuture.runAsync(
            () -> commit(store, writes), r -> new Thread(r, "committer").start());
    try {
      done.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError(
          "a commit waited "
              + TIMEOUT_SECONDS
              + " s for a reader (export or proof) held up mid-scan",
          e);
    }
  }

  /** Commits the same {@code count} seeded blocks to each store. */
  private static void runEach(int count, long seed, StateStore... stores) {
    for (StateStore store : stores) {
      BlockGenerator blocks = new BlockGenerator(seed, 200, 40);
      for (int i = 0; i < count; i++) {
        commit(store, blocks.next());
      }
    }
  }

  private void assertSameStoredEntries(StateStore expected, StateStore actual) {
    for (StoreColumn c : StoreColumn.values()) {
      assertEquals(storedEntries(expected, c), storedEntries(actual, c), "entries in " + c);
    }
  }

  private static void assertChunksMatchManifest(Snapshot snapshot) throws NoSuchAlgorithmException {
    for (int i = 0; i < snapshot.manifest().chunkCount(); i++) {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(snapshot.chunk(i));
      assertArrayEquals(snapshot.manifest().chunkHash(i), hash, "chunk " + i);
    }
  }

  /** The snapshot's chunks rebuild its version in a fresh store. */
  private void assertImports(Snapshot snapshot, byte[] trustedRoot) {
    StateStore target = newStore();
    SnapshotImporter importer = snapshots(target).importSnapshot(snapshot.manifest(), trustedRoot);
    SnapshotImportResult last = null;
    for (int i = 0; i < snapshot.manifest().chunkCount(); i++) {
      last = importer.applyChunk(i, snapshot.chunk(i));
    }
    assertEquals(SnapshotImportResult.COMPLETED, last);
    assertArrayEquals(trustedRoot, target.rootHash());
  }

  private static List<String> contents(StateStore store, long version) {
    List<String> out = new ArrayList<>();
    store.iterate(new byte[0], version, (k, v) -> out.add(ByteKey.of(k) + "=" + ByteKey.of(v)));
    return out;
  }

  private static StateSnapshots snapshots(StateStore store) {
    return (StateSnapshots) store;
  }

  private static WriteSet block(int from, int count) {
    WriteSet w = new WriteSet();
    for (int i = from; i < from + count; i++) {
      w.put(BlockGenerator.key(i), BlockGenerator.key(i * 7 + 1));
    }
    return w;
  }

  /**
   * Storage that holds up chosen scans of the value history made by one thread (an export's reads),
   * before they reach the storage, until the test lets each go on.
   */
  private static final class ScanGate implements KvStorage {
    private final KvStorage delegate;
    private final TreeMap<Integer, CountDownLatch[]> stops = new TreeMap<>();
    private Thread watched;
    private Thread failing;
    private int scans;

    ScanGate(KvStorage delegate) {
      this.delegate = delegate;
    }

    /** Stops the first {@code count} value scans of {@code thread}. */
    synchronized void stopAt(Thread thread, int count) {
      watched = thread;
      scans = 0;
      stops.clear();
      for (int i = 0; i < count; i++) {
        stops.put(i, new CountDownLatch[] {new CountDownLatch(1), new CountDownLatch(1)});
      }
    }

    /** Makes every value scan of {@code thread} (null: none) throw. */
    synchronized void failScansOf(Thread thread) {
      failing = thread;
    }

    boolean awaitStop(int index) throws InterruptedException {
      return latches(index)[0].await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    void resume(int index) {
      latches(index)[1].countDown();
    }

    synchronized void resumeAll() {
      stops.values().forEach(l -> l[1].countDown());
    }

    private synchronized CountDownLatch[] latches(int index) {
      return stops.get(index);
    }

    private void gate(StoreColumn column) {
      CountDownLatch[] stop;
      synchronized (this) {
        if (column == StoreColumn.VALUES && Thread.currentThread() == failing) {
          throw new IllegalStateException("storage failed (test)");
        }
        if (column != StoreColumn.VALUES || Thread.currentThread() != watched) {
          return;
        }
        stop = stops.get(scans++);
      }
      if (stop == null) {
        return;
      }
      stop[0].countDown();
      try {
        stop[1].await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    @Override
    public Optional<byte[]> get(StoreColumn column, byte[] key) {
      return delegate.get(column, key);
    }

    @Override
    public void scan(StoreColumn column, byte[] from, EntryVisitor visitor) {
      gate(column);
      delegate.scan(column, from, visitor);
    }

    @Override
    public List<byte[][]> seekEach(StoreColumn column, List<byte[]> ascendingTargets) {
      return delegate.seekEach(column, ascendingTargets);
    }

    @Override
    public void write(KvBatch batch) {
      delegate.write(batch);
    }

    @Override
    public String location() {
      return delegate.location();
    }

    @Override
    public void close() {
      delegate.close();
    }
  }
}
