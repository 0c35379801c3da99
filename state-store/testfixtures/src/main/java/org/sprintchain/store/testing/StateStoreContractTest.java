package org.sprintchain.store.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.sprintchain.store.ByteKey;
import org.sprintchain.store.PreparedCommit;
import org.sprintchain.store.Proof;
import org.sprintchain.store.ProofVerifier;
import org.sprintchain.store.StateStore;
import org.sprintchain.store.StoreOptions;
import org.sprintchain.store.VersionNotAvailableException;
import org.sprintchain.store.WriteSet;
import org.sprintchain.store.merkle.MerkleHashing;

/**
 * What every {@link StateStore} must do. An implementation's test extends this class and says how
 * to open a store and how to reopen one on the same data; pruning has its own suite, {@link
 * PruningContractTest}.
 */
public abstract class StateStoreContractTest extends StoreContractBase {
  @Test
  void emptyStoreIsVersionZeroWithTheZeroRoot() {
    StateStore store = newStore();
    assertEquals(0, store.latestVersion());
    assertArrayEquals(new byte[32], store.rootHash());
    assertArrayEquals(new byte[32], store.rootHash(0));
    assertTrue(store.get(b("a")).isEmpty());
    store.iterate(new byte[0], 0, (k, v) -> fail("empty store has no entries"));
  }

  @Test
  void prepareComputesTheRootWithoutChangingState() {
    StateStore store = newStore();
    PreparedCommit prepared = store.prepare(writes("a", "1", "b", "2"));
    assertEquals(1, prepared.version());
    assertEquals(0, store.latestVersion());
    assertTrue(store.get(b("a")).isEmpty());
    store.commit(prepared);
    assertEquals(1, store.latestVersion());
    assertArrayEquals(prepared.rootHash(), store.rootHash());
    assertArrayEquals(b("1"), store.get(b("a")).orElseThrow());
    assertArrayEquals(b("2"), store.get(b("b"), 1).orElseThrow());
  }

  @Test
  void rootMatchesTheReferenceDefinition() {
    StateStore store = newStore();
    TreeMap<ByteKey, byte[]> model = new TreeMap<>();
    BlockGenerator blocks = new BlockGenerator(7, 60, 12);
    for (int i = 0; i < 40; i++) {
      WriteSet w = blocks.next();
      w.entries().forEach((k, v) -> apply(model, k, v));
      commit(store, w);
      assertArrayEquals(ReferenceMerkleRoot.of(model), store.rootHash(), "version " + (i + 1));
    }
  }

  @Test
  void rootDependsOnContentsNotHistory() {
    StateStore oneBlock = newStore();
    commit(oneBlock, writes("a", "1", "b", "2", "c", "3"));
    StateStore history = newStore();
    commit(history, writes("c", "3", "x", "9"));
    commit(history, writes("b", "0", "a", "1"));
    WriteSet last = writes("b", "2");
    last.delete(b("x"));
    last.delete(b("never-there"));
    commit(history, last);
    assertArrayEquals(oneBlock.rootHash(), history.rootHash());
  }

  @Test
  void deletingEverythingReturnsToTheEmptyRoot() {
    StateStore store = newStore();
    commit(store, writes("a", "1", "b", "2", "c", "3"));
    WriteSet deletes = new WriteSet();
    for (String k : new String[] {"a", "b", "c"}) {
      deletes.delete(b(k));
    }
    commit(store, deletes);
    assertArrayEquals(MerkleHashing.emptyRoot(), store.rootHash());
    assertTrue(store.get(b("a")).isEmpty());
    assertArrayEquals(b("1"), store.get(b("a"), 1).orElseThrow());
  }

  @Test
  void oldVersionsKeepTheirValuesAndRoots() {
    StateStore store = newStore();
    commit(store, writes("k", "v1"));
    byte[] root1 = store.rootHash();
    commit(store, writes("k", "v2", "other", "x"));
    WriteSet delete = new WriteSet();
    delete.delete(b("k"));
    commit(store, delete);
    assertArrayEquals(b("v1"), store.get(b("k"), 1).orElseThrow());
    assertArrayEquals(b("v2"), store.get(b("k"), 2).orElseThrow());
    assertTrue(store.get(b("k"), 3).isEmpty());
    assertTrue(store.get(b("other"), 1).isEmpty());
    assertArrayEquals(root1, store.rootHash(1));
  }

  @Test
  void emptyWriteSetStillCreatesAVersion() {
    StateStore store = newStore();
    commit(store, writes("a", "1"));
    commit(store, new WriteSet());
    assertEquals(2, store.latestVersion());
    assertArrayEquals(store.rootHash(1), store.rootHash(2));
  }

  @Test
  void emptyKeysAndValuesAreOrdinaryEntries() {
    StateStore store = newStore();
    WriteSet w = new WriteSet();
    w.put(new byte[0], new byte[0]);
    w.put(new byte[] {0}, new byte[] {0});
    commit(store, w);
    assertArrayEquals(new byte[0], store.get(new byte[0]).orElseThrow());
    assertArrayEquals(new byte[] {0}, store.get(new byte[] {0}).orElseThrow());
    TreeMap<ByteKey, byte[]> model = new TreeMap<>();
    model.put(ByteKey.of(new byte[0]), new byte[0]);
    model.put(ByteKey.of(new byte[] {0}), new byte[] {0});
    assertArrayEquals(ReferenceMerkleRoot.of(model), store.rootHash());
  }

  @Test
  void commitRefusesAPreparedCommitOfAnOlderVersion() {
    StateStore store = newStore();
    PreparedCommit first = store.prepare(writes("a", "1"));
    PreparedCommit rival = store.prepare(writes("a", "2"));
    store.commit(first);
    assertThrows(IllegalStateException.class, () -> store.commit(rival));
    assertThrows(IllegalStateException.class, () -> store.commit(first));
    assertArrayEquals(b("1"), store.get(b("a")).orElseThrow());
  }

  @Test
  void preparedCommitIgnoresLaterChangesToTheWriteSet() {
    StateStore store = newStore();
    WriteSet w = writes("a", "1");
    PreparedCommit prepared = store.prepare(w);
    w.put(b("b"), b("2"));
    store.commit(prepared);
    assertTrue(store.get(b("b")).isEmpty());
  }

  @Test
  void commitAcceptsAPreparedCommitFromElsewhere() {
    StateStore store = newStore();
    byte[] expected = store.prepare(writes("a", "1")).rootHash();
    WriteSet w = writes("a", "1");
    store.commit(
        new PreparedCommit() {
          @Override
          public long version() {
            return 1;
          }

          @Override
          public byte[] rootHash() {
            return expected;
          }

          @Override
          public WriteSet writes() {
            return w;
          }
        });
    assertArrayEquals(expected, store.rootHash());
  }

  @Test
  void returnedArraysAreCopies() {
    StateStore store = newStore();
    commit(store, writes("a", "1"));
    store.get(b("a")).orElseThrow()[0] = 'X';
    store.rootHash()[0] ^= 1;
    assertArrayEquals(b("1"), store.get(b("a")).orElseThrow());
    assertArrayEquals(store.rootHash(1), store.rootHash());
  }

  @Test
  void iterationIsInUnsignedKeyOrderUnderThePrefix() {
    StateStore store = newStore();
    WriteSet w = new WriteSet();
    byte[][] keys = {{1}, {1, 0}, {1, 0, 0}, {1, (byte) 0xFF}, {1, 1}, {2}, {0}, {(byte) 0x80}};
    for (byte[] k : keys) {
      w.put(k, k);
    }
    commit(store, w);
    List<String> seen = new ArrayList<>();
    store.iterate(new byte[] {1}, 1, (k, v) -> seen.add(ByteKey.of(k).toString()));
    assertEquals(List.of("01", "0100", "010000", "0101", "01ff"), seen);
    List<String> all = new ArrayList<>();
    store.iterate(new byte[0], 1, (k, v) -> all.add(ByteKey.of(k).toString()));
    assertEquals(List.of("00", "01", "0100", "010000", "0101", "01ff", "02", "80"), all);
  }

  @Test
  void iterationSeesTheRequestedVersionAndCanStop() {
    StateStore store = newStore();
    commit(store, writes("p/a", "1", "p/b", "2", "p/c", "3", "q", "4"));
    WriteSet w = writes("p/b", "22", "p/d", "4");
    w.delete(b("p/a"));
    commit(store, w);
    assertEquals(List.of("p/a=1", "p/b=2", "p/c=3"), entries(store, "p/", 1));
    assertEquals(List.of("p/b=22", "p/c=3", "p/d=4"), entries(store, "p/", 2));
    List<String> first = new ArrayList<>();
    store.iterate(b("p/"), 2, (k, v) -> first.add(s(k)) && false);
    assertEquals(List.of("p/b"), first);
  }

  @Test
  void versionsNotYetCommittedAreNotAvailable() {
    StateStore store = newStore();
    commit(store, writes("a", "1"));
    assertThrows(VersionNotAvailableException.class, () -> store.get(b("a"), 2));
    assertThrows(VersionNotAvailableException.class, () -> store.rootHash(2));
    assertThrows(VersionNotAvailableException.class, () -> store.rootHash(-1));
    assertThrows(VersionNotAvailableException.class, () -> store.prove(b("a"), 2));
    assertThrows(
        VersionNotAvailableException.class, () -> store.iterate(new byte[0], 5, (k, v) -> true));
  }

  @Test
  void reopenKeepsEverythingCommitted() {
    StateStore store = newStore();
    commit(store, writes("a", "1", "b", "2"));
    commit(store, writes("a", "3"));
    byte[] root = store.rootHash();
    store.prepare(writes("never", "committed"));
    StateStore reopened = reopen(store);
    assertEquals(2, reopened.latestVersion());
    assertArrayEquals(root, reopened.rootHash());
    assertArrayEquals(b("1"), reopened.get(b("a"), 1).orElseThrow());
    assertTrue(reopened.get(b("never")).isEmpty());
    commit(reopened, writes("c", "4"));
    assertEquals(3, reopened.latestVersion());
  }

  @Test
  void closedStoreRefusesUse() {
    StateStore store = createStore(StoreOptions.archive());
    store.close();
    assertThrows(IllegalStateException.class, store::latestVersion);
    assertThrows(IllegalStateException.class, () -> store.prepare(new WriteSet()));
  }

  @Test
  void proofsVerifyForPresentAndAbsentKeysAtEveryVersion() {
    StateStore store = newStore();
    BlockGenerator blocks = new BlockGenerator(11, 40, 10);
    List<TreeMap<ByteKey, byte[]>> models = new ArrayList<>();
    TreeMap<ByteKey, byte[]> model = new TreeMap<>();
    models.add(new TreeMap<>(model));
    for (int i = 0; i < 15; i++) {
      WriteSet w = blocks.next();
      w.entries().forEach((k, v) -> apply(model, k, v));
      commit(store, w);
      models.add(new TreeMap<>(model));
    }
    for (int version = 0; version <= 15; version++) {
      byte[] root = store.rootHash(version);
      for (int k = 0; k < 45; k++) {
        byte[] key = BlockGenerator.key(k);
        Optional<byte[]> value = Optional.ofNullable(models.get(version).get(ByteKey.of(key)));
        Proof proof = store.prove(key, version);
        assertEquals(value.isPresent(), proof.isMembership());
        assertTrue(
            ProofVerifier.verify(proof.encode(), key, value, root), "v" + version + " k" + k);
        assertFalse(ProofVerifier.verify(proof, key, Optional.of(b("wrong")), root));
      }
    }
  }
}
