package org.sprintchain.store.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.sprintchain.store.Snapshot;
import org.sprintchain.store.StoreOptions;
import org.sprintchain.store.VersionNotAvailableException;
import org.sprintchain.store.WriteSet;
import org.sprintchain.store.engine.KvBatch;
import org.sprintchain.store.engine.KvStorage;
import org.sprintchain.store.engine.MerkleStateStore;
import org.sprintchain.store.engine.StoreColumn;

/**
 * A snapshot export pins its version instead of holding the store's read lock for the whole pass:
 * commits go on meanwhile, pruning waits for the pinned version, and the snapshot is that of the
 * version asked for.
 */
class ExportPinningTest {
  private static final int KEYS = 3000; // several read batches
  private static final byte[] DEFERRED_KEY = "prune-deferred".getBytes(StandardCharsets.US_ASCII);

  @Test
  void commitsProceedWhileAnExportRunsAndPruningWaitsForIt() throws Exception {
    GatedStorage storage = new GatedStorage(new InMemoryKvStorage());
    TestStore store = new TestStore(storage, StoreOptions.pruning(1, 0));
    TestStore reference = new TestStore(new InMemoryKvStorage(), StoreOptions.archive());
    for (TestStore s : new TestStore[] {store, reference}) {
      s.commit(s.prepare(block(0, KEYS)));
    }
    Snapshot expected = reference.exportSnapshot(1, 4096);

    Snapshot snapshot = exportAroundACommit(store, storage, block(KEYS, 10));
    assertEquals(expected.manifest(), snapshot.manifest());

    // The next commit prunes what waited, so the store ends as if it had never been pinned.
    store.commit(store.prepare(block(KEYS + 10, 10)));
    assertThrows(VersionNotAvailableException.class, () -> store.rootHash(1));
    TestStore unpinned = new TestStore(new InMemoryKvStorage(), StoreOptions.pruning(1, 0));
    for (int[] b : new int[][] {{0, KEYS}, {KEYS, 10}, {KEYS + 10, 10}}) {
      unpinned.commit(unpinned.prepare(block(b[0], b[1])));
    }
    assertArrayEquals(unpinned.rootHash(), store.rootHash());
    for (StoreColumn c : StoreColumn.values()) {
      assertEquals(unpinned.size(c), storage.delegate.size(c), "entries left in " + c);
    }
  }

  @Test
  void aRestartPrunesAVersionThatWaitedForAnExport() throws Exception {
    GatedStorage storage = new GatedStorage(new InMemoryKvStorage());
    TestStore store = new TestStore(storage, StoreOptions.pruning(1, 0));
    store.commit(store.prepare(block(0, KEYS)));
    exportAroundACommit(store, storage, block(KEYS, 10));
    assertTrue(storage.delegate.get(StoreColumn.META, DEFERRED_KEY).isPresent());

    // The node stops before another commit; the first commit after the restart prunes version 1.
    TestStore reopened = new TestStore(storage.delegate, StoreOptions.pruning(1, 0));
    assertArrayEquals(store.rootHash(), reopened.rootHash());
    reopened.commit(reopened.prepare(block(KEYS + 10, 10)));
    assertThrows(VersionNotAvailableException.class, () -> reopened.rootHash(1));
    assertTrue(storage.delegate.get(StoreColumn.META, DEFERRED_KEY).isEmpty());
  }

  /**
   * Exports version 1 and commits {@code writes} as version 2 (which pushes version 1 out of a
   * keepRecent = 1 window) between the export's first and second read batches.
   */
  private static Snapshot exportAroundACommit(
      TestStore store, GatedStorage storage, WriteSet writes) throws Exception {
    byte[] rootAtOne = store.rootHash(1);
    storage.gateNextValueScans(2);
    CompletableFuture<Snapshot> export =
        CompletableFuture.supplyAsync(() -> store.exportSnapshot(1, 4096));
    assertTrue(storage.reached[0].await(10, TimeUnit.SECONDS), "export in its first batch");
    Thread committer = new Thread(() -> store.commit(store.prepare(writes)));
    committer.start();
    awaitBlocked(committer); // queued for the write lock behind the export's first batch
    storage.release[0].countDown();
    committer.join(10_000);
    assertFalse(committer.isAlive(), "the commit must not wait for the whole export");
    assertFalse(export.isDone());
    assertEquals(2, store.latestVersion());
    assertArrayEquals(
        rootAtOne, store.rootHash(1), "a pinned version stays readable after leaving");

    storage.release[1].countDown();
    return export.get(10, TimeUnit.SECONDS);
  }

  private static void awaitBlocked(Thread t) throws InterruptedException {
    for (int i = 0; i < 1000 && t.getState() != Thread.State.WAITING; i++) {
      Thread.sleep(10);
    }
    assertEquals(Thread.State.WAITING, t.getState());
  }

  private static WriteSet block(int from, int count) {
    WriteSet w = new WriteSet();
    for (int i = from; i < from + count; i++) {
      w.put(("key-" + i).getBytes(StandardCharsets.UTF_8), new byte[] {(byte) i});
    }
    return w;
  }

  private static final class TestStore extends MerkleStateStore {
    private final KvStorage storage;

    TestStore(KvStorage storage, StoreOptions options) {
      super(storage, options);
      this.storage = storage;
    }

    int size(StoreColumn column) {
      return ((InMemoryKvStorage) storage).size(column);
    }
  }

  /** Storage that holds the next value scans (the export's read batches) until released. */
  private static final class GatedStorage implements KvStorage {
    final InMemoryKvStorage delegate;
    final CountDownLatch[] reached = {new CountDownLatch(1), new CountDownLatch(1)};
    final CountDownLatch[] release = {new CountDownLatch(1), new CountDownLatch(1)};
    private int gated;
    private int scans = -1;

    GatedStorage(InMemoryKvStorage delegate) {
      this.delegate = delegate;
    }

    synchronized void gateNextValueScans(int count) {
      gated = count;
      scans = 0;
    }

    private void gate(StoreColumn column) {
      int index;
      synchronized (this) {
        if (column != StoreColumn.VALUES || scans < 0 || scans >= gated) {
          return;
        }
        index = scans++;
      }
      reached[index].countDown();
      try {
        release[index].await();
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
    public void write(KvBatch batch) {
      delegate.write(batch);
    }

    @Override
    public String location() {
      return "gated memory";
    }

    @Override
    public void close() {}
  }
}
