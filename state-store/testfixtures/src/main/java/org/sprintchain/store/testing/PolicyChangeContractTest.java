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
import org.sprintchain.store.Snapshot;
import org.sprintchain.store.StateSnapshots;
import org.sprintchain.store.StateStore;
import org.sprintchain.store.StoreOptions;
import org.sprintchain.store.VersionNotAvailableException;
import org.sprintchain.store.WriteSet;

/**
 * A store reopened with another pruning policy: every version reads exactly as it was committed or
 * is refused with {@link VersionNotAvailableException}, never a wrong value, while pruning goes on
 * under the new policy; the versions the new policy keeps from the reopen on stay readable.
 */
public abstract class PolicyChangeContractTest extends StoreContractBase {
  private static final int KEYS = 24;

  @Test
  void aCheckpointOfTheOldPolicyIsDroppedWhenKeepEveryChanges() {
    History h = new History(StoreOptions.pruning(2, 4), 31);
    h.commit(13); // checkpoints 0, 4, 8, 12
    h.reopen(StoreOptions.pruning(2, 3)); // 4 and 8 are no checkpoints any more
    h.commit(13);
    h.reopen(StoreOptions.pruning(2, 5));
    h.commit(13);
    for (long v : new long[] {4, 8, 3, 6, 9}) {
      h.assertDropped(v);
    }
  }

  @Test
  void versionsBetweenTheOldAndTheNewWindowAreDroppedWhenKeepRecentShrinks() {
    History h = new History(StoreOptions.pruning(10, 0), 32);
    h.commit(20); // 11..20 retained
    h.reopen(StoreOptions.pruning(2, 0)); // 11..18 are outside the new window
    h.commit(15);
    for (long v = 11; v <= 18; v++) {
      h.assertDropped(v);
    }
  }

  @Test
  void aWiderWindowKeepsWhatIsLeftAndGrowsFromThere() {
    History h = new History(StoreOptions.pruning(2, 0), 33);
    h.commit(12);
    h.reopen(StoreOptions.pruning(9, 4));
    h.commit(6);
    h.reopen(StoreOptions.pruning(3, 4));
    h.commit(12);
  }

  @Test
  void anArchiveSwitchedToPruningKeepsOnlyWhatThePolicyKeeps() {
    History h = new History(StoreOptions.archive(), 34);
    h.commit(15);
    h.reopen(StoreOptions.pruning(3, 4));
    for (long v = 0; v <= 15; v++) {
      if (v % 4 != 0 && v < 13) {
        h.assertDropped(v);
      }
    }
    h.commit(12);
  }

  @Test
  void aPruningStoreSwitchedToArchiveAndBack() {
    History h = new History(StoreOptions.pruning(3, 4), 35);
    h.commit(14);
    h.reopen(StoreOptions.archive());
    h.commit(10);
    h.reopen(StoreOptions.pruning(4, 5));
    h.commit(12);
    h.reopen(StoreOptions.pruning(1, 0));
    h.commit(6);
    h.reopen(StoreOptions.archive());
    h.commit(3);
  }

  @Test
  void versionsDeferredByAnOpenSnapshotStayRightAcrossAPolicyChange() {
    History h = new History(StoreOptions.pruning(1, 0), 36);
    h.commit(6);
    Snapshot open = ((StateSnapshots) h.store).exportSnapshot(6, 512);
    h.commit(6); // 6..11 left the window while pinned: deferred
    h.reopen(StoreOptions.pruning(3, 4)); // the node stopped with the snapshot open
    open.close();
    h.commit(8);
    Snapshot pinned = ((StateSnapshots) h.store).exportSnapshot(19, 512);
    h.commit(3);
    h.reopen(StoreOptions.pruning(2, 3));
    pinned.close();
    h.commit(7);
  }

  /** A store, its policy, and the contents of every version it committed. */
  private final class History {
    StateStore store;
    StoreOptions options;
    long reopenedAt;
    final List<TreeMap<ByteKey, byte[]>> versions = new ArrayList<>();
    private final BlockGenerator blocks;

    History(StoreOptions options, long seed) {
      this.options = options;
      this.store = newStore(options);
      this.blocks = new BlockGenerator(seed, KEYS, 8);
      versions.add(new TreeMap<>());
    }

    void commit(int count) {
      for (int i = 0; i < count; i++) {
        WriteSet w = blocks.next();
        TreeMap<ByteKey, byte[]> next = new TreeMap<>(versions.getLast());
        w.entries().forEach((k, v) -> apply(next, k, v));
        StoreContractBase.commit(store, w);
        versions.add(next);
        assertArrayEquals(ReferenceMerkleRoot.of(next), store.rootHash());
      }
      checkAll();
    }

    void reopen(StoreOptions next) {
      store = PolicyChangeContractTest.this.reopen(store, next);
      options = next;
      reopenedAt = store.latestVersion();
      checkAll();
    }

    void assertDropped(long version) {
      VersionNotAvailableException e =
          assertThrows(VersionNotAvailableException.class, () -> store.rootHash(version));
      assertTrue(e.getMessage().contains("pruned"), e.getMessage());
    }

    /** Every version reads exactly as committed or is refused; what the policy keeps is read. */
    void checkAll() {
      long latest = store.latestVersion();
      assertEquals(versions.size() - 1, latest);
      for (long v = 0; v <= latest; v++) {
        boolean kept =
            !options.prunes() && v >= reopenedAt
                || options.prunes()
                    && v >= reopenedAt
                    && (v > latest - options.keepRecent() || options.isCheckpoint(v));
        if (readsExactly(v)) {
          continue;
        }
        assertTrue(!kept, "version " + v + " is kept by " + options + " but not readable");
      }
    }

    /** False when the version is refused everywhere; fails on any wrong answer. */
    private boolean readsExactly(long version) {
      byte[] root;
      try {
        root = store.rootHash(version);
      } catch (VersionNotAvailableException e) {
        byte[] key = BlockGenerator.key(0);
        assertThrows(VersionNotAvailableException.class, () -> store.get(key, version));
        assertThrows(VersionNotAvailableException.class, () -> store.prove(key, version));
        assertThrows(
            VersionNotAvailableException.class,
            () -> store.iterate(new byte[0], version, (k, v) -> true));
        return false;
      }
      TreeMap<ByteKey, byte[]> model = versions.get((int) version);
      String at = " at version " + version + " under " + options;
      assertArrayEquals(ReferenceMerkleRoot.of(model), root, "root" + at);
      List<String> seen = new ArrayList<>();
      store.iterate(
          new byte[0], version, (k, val) -> seen.add(ByteKey.of(k) + "=" + ByteKey.of(val)));
      List<String> expected = new ArrayList<>();
      model.forEach((k, val) -> expected.add(k + "=" + ByteKey.of(val)));
      assertEquals(expected, seen, "contents" + at);
      for (int k = 0; k < KEYS; k++) {
        byte[] key = BlockGenerator.key(k);
        Optional<byte[]> value = Optional.ofNullable(model.get(ByteKey.of(key)));
        assertEquals(value.map(ByteKey::of), store.get(key, version).map(ByteKey::of), "get" + at);
        assertTrue(ProofVerifier.verify(store.prove(key, version), key, value, root), "proof" + at);
      }
      return true;
    }
  }
}
