package org.sprintchain.store.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.sprintchain.store.ByteKey;
import org.sprintchain.store.ProofVerifier;
import org.sprintchain.store.StateStore;
import org.sprintchain.store.StoreOptions;
import org.sprintchain.store.VersionNotAvailableException;
import org.sprintchain.store.WriteSet;
import org.sprintchain.store.engine.StoreColumn;

/** The retention rules of {@link StoreOptions}, for every store that prunes. */
public abstract class PruningContractTest extends StoreContractBase {

  /** Entries stored in a column, to check that pruning really deletes. */
  protected abstract long storedEntries(StateStore store, StoreColumn column);

  @Test
  void keepsRecentVersionsAndCheckpointsOnly() {
    StoreOptions options = StoreOptions.pruning(3, 5);
    StateStore store = newStore(options);
    run(store, new BlockGenerator(3, 30, 8), 6);
    store = reopen(store, options); // the stale index must survive a restart
    run(store, new BlockGenerator(4, 30, 8), 6);
    assertEquals(12, store.latestVersion());
    for (long v = 0; v <= 12; v++) {
      boolean retained = v >= 10 || v % 5 == 0;
      if (retained) {
        store.rootHash(v);
      } else {
        long version = v;
        StateStore s = store;
        VersionNotAvailableException e =
            assertThrows(VersionNotAvailableException.class, () -> s.get(b("k"), version));
        assertTrue(e.getMessage().contains("pruned"), e.getMessage());
        assertThrows(VersionNotAvailableException.class, () -> s.rootHash(version));
        assertThrows(VersionNotAvailableException.class, () -> s.prove(b("k"), version));
      }
    }
  }

  @Test
  void retainedVersionsReadExactlyAsBeforePruning() {
    StoreOptions options = StoreOptions.pruning(2, 4);
    StateStore pruned = newStore(options);
    StateStore archive = newStore();
    BlockGenerator a = new BlockGenerator(21, 25, 10);
    BlockGenerator b = new BlockGenerator(21, 25, 10);
    List<TreeMap<ByteKey, byte[]>> history = run(archive, a, 30);
    run(pruned, b, 30);
    for (long v : new long[] {0, 4, 8, 12, 16, 20, 24, 28, 29, 30}) {
      assertArrayEquals(archive.rootHash(v), pruned.rootHash(v), "root of " + v);
      TreeMap<ByteKey, byte[]> model = history.get((int) v);
      List<String> seen = new ArrayList<>();
      pruned.iterate(new byte[0], v, (k, val) -> seen.add(ByteKey.of(k) + "=" + ByteKey.of(val)));
      List<String> expected = new ArrayList<>();
      model.forEach((k, val) -> expected.add(k + "=" + ByteKey.of(val)));
      assertEquals(expected, seen, "contents of " + v);
      for (int k = 0; k < 25; k++) {
        byte[] key = BlockGenerator.key(k);
        Optional<byte[]> value = Optional.ofNullable(model.get(ByteKey.of(key)));
        assertTrue(ProofVerifier.verify(pruned.prove(key, v), key, value, pruned.rootHash(v)));
      }
    }
  }

  @Test
  void prunedValuesAndRootsAreDeleted() {
    StateStore pruned = newStore(StoreOptions.pruning(1, 0));
    StateStore archive = newStore();
    run(pruned, new BlockGenerator(5, 50, 20), 60);
    run(archive, new BlockGenerator(5, 50, 20), 60);
    StateStore fresh = newStore();
    TreeMap<ByteKey, byte[]> finalContents = new TreeMap<>();
    pruned.iterate(
        new byte[0],
        60,
        (k, v) -> {
          finalContents.put(ByteKey.of(k), v);
          return true;
        });
    WriteSet all = new WriteSet();
    finalContents.forEach((k, v) -> all.put(k.toByteArray(), v));
    commit(fresh, all);
    // keepRecent = 1 retains only the latest version: its live values plus delete tombstones.
    assertEquals(finalContents.size(), storedEntries(fresh, StoreColumn.VALUES));
    assertTrue(storedEntries(pruned, StoreColumn.VALUES) >= finalContents.size());
    assertTrue(storedEntries(pruned, StoreColumn.VALUES) <= 50);
    assertEquals(1, storedEntries(pruned, StoreColumn.ROOTS));
    assertEquals(0, storedEntries(pruned, StoreColumn.STALE));
    assertEquals(61, storedEntries(archive, StoreColumn.ROOTS));
    assertTrue(
        storedEntries(archive, StoreColumn.VALUES) > 5 * storedEntries(pruned, StoreColumn.VALUES));
  }

  @Test
  void tombstoneSupersededByANewPutIsPrunedBeforeAndAfterAReopen() {
    StateStore store = newStore(StoreOptions.pruning(1, 0));
    WriteSet puts = new WriteSet();
    for (int i = 1; i <= 10; i++) {
      puts.put(b("k" + i), b("v" + i));
    }
    commit(store, puts);
    WriteSet deletes = new WriteSet();
    for (int i = 1; i <= 5; i++) {
      deletes.delete(b("k" + i));
    }
    commit(store, deletes);
    assertEquals(10, storedEntries(store, StoreColumn.VALUES)); // k6..k10 and 5 tombstones
    commit(store, writes("k1", "w1")); // supersedes a tombstone this run wrote
    commit(store, new WriteSet());
    assertEquals(10, storedEntries(store, StoreColumn.VALUES));
    store = reopen(store, StoreOptions.pruning(1, 0)); // now found from the value history
    commit(store, writes("k2", "w2", "k3", "w3"));
    commit(store, new WriteSet());
    // Live: k1..k3 (rewritten) and k6..k10; the tombstones of k4 and k5 stay until rewritten.
    assertEquals(10, storedEntries(store, StoreColumn.VALUES));
    assertEquals(
        List.of("k1=w1", "k10=v10", "k2=w2", "k3=w3", "k6=v6", "k7=v7", "k8=v8", "k9=v9"),
        entries(store, "k", 6));
  }

  @Test
  void staleIndexIsEmptiedOnceVersionsLeaveTheWindow() {
    StateStore store = newStore(StoreOptions.pruning(3, 0));
    run(store, new BlockGenerator(8, 20, 6), 20);
    store.commit(store.prepare(new WriteSet()));
    store.commit(store.prepare(new WriteSet()));
    store.commit(store.prepare(new WriteSet()));
    assertEquals(0, storedEntries(store, StoreColumn.STALE));
    assertEquals(3, storedEntries(store, StoreColumn.ROOTS));
  }

  @Test
  void aTighterWindowLeavesNoStaleRecordBehind() {
    StateStore store = newStore(StoreOptions.pruning(10, 0));
    run(store, new BlockGenerator(9, 20, 6), 20);
    store = reopen(store, StoreOptions.pruning(2, 0)); // 11..18 never leave the new window
    for (int i = 0; i < 3; i++) {
      commit(store, new WriteSet());
    }
    assertEquals(0, storedEntries(store, StoreColumn.STALE));
    assertEquals(2, storedEntries(store, StoreColumn.ROOTS));
  }

  /** Commits {@code blocks} generated blocks; returns the contents at each version from 0. */
  protected static List<TreeMap<ByteKey, byte[]>> run(
      StateStore store, BlockGenerator blocks, int count) {
    List<TreeMap<ByteKey, byte[]>> history = new ArrayList<>();
    TreeMap<ByteKey, byte[]> model = new TreeMap<>();
    store.iterate(
        new byte[0],
        store.latestVersion(),
        (k, v) -> {
          model.put(ByteKey.of(k), v);
          return true;
        });
    history.add(new TreeMap<>(model));
    for (int i = 0; i < count; i++) {
      WriteSet w = blocks.next();
      w.entries().forEach((k, v) -> apply(model, k, v));
      commit(store, w);
      history.add(new TreeMap<>(model));
    }
    return history;
  }
}
