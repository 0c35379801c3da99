package org.sprintchain.store.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.sprintchain.store.ByteKey;
import org.sprintchain.store.ProofVerifier;
import org.sprintchain.store.StoreOptions;
import org.sprintchain.store.WriteSet;
import org.sprintchain.store.engine.StoreColumn;

/**
 * Blocks large enough to take the parallel paths (key hashing, the fork/join tree update, the
 * rebuild on open) give the same roots, proofs and stored values as the oracle and as the same
 * changes made in blocks small enough to stay on one thread.
 */
class LargeBlockTest {
  private static final int KEYS = 4000;

  @Test
  void largeBlocksMatchTheOracleAndSmallBlocks() {
    SplittableRandom random = new SplittableRandom(42);
    TreeMap<ByteKey, byte[]> model = new TreeMap<>();
    WriteSet first = new WriteSet();
    for (int i = 0; i < KEYS; i++) {
      byte[] key = bytes(random, 1 + random.nextInt(40));
      byte[] value = bytes(random, random.nextInt(100));
      first.put(key, value);
      model.put(ByteKey.of(key), value);
    }
    // Updates, deletes, re-puts of deleted keys and new keys, all in one block.
    WriteSet second = new WriteSet();
    int i = 0;
    for (ByteKey key : new TreeMap<>(model).keySet()) {
      switch (i++ % 4) {
        case 0 -> second.delete(key.toByteArray());
        case 1 -> second.put(key.toByteArray(), bytes(random, 20));
        default -> {}
      }
    }
    for (int n = 0; n < 1000; n++) {
      second.put(bytes(random, 33), bytes(random, 10));
    }
    WriteSet third = new WriteSet();
    i = 0;
    for (Map.Entry<ByteKey, byte[]> e : second.entries().entrySet()) {
      if (e.getValue() == null && i++ % 2 == 0) {
        third.put(e.getKey().toByteArray(), bytes(random, 5));
      }
    }

    try (InMemoryStateStore big = InMemoryStateStore.create(StoreOptions.pruning(1, 0));
        InMemoryStateStore small = InMemoryStateStore.create(StoreOptions.pruning(1, 0))) {
      for (WriteSet block : new WriteSet[] {first, second, third}) {
        big.commit(big.prepare(block));
        commitInSmallBlocks(small, block);
        block.entries().forEach((k, v) -> apply(model, k, v));
        assertArrayEquals(ReferenceMerkleRoot.of(model), big.rootHash());
        assertArrayEquals(big.rootHash(), small.rootHash());
      }
      // The tree lives in memory only: a reopened store rebuilds it from the value history.
      InMemoryStateStore reopened =
          InMemoryStateStore.open(big.storage(), StoreOptions.pruning(1, 0));
      assertArrayEquals(big.rootHash(), reopened.rootHash());
      // keepRecent = 1 keeps exactly the latest values, whatever the block sizes.
      assertEquals(
          small.storage().size(StoreColumn.VALUES), big.storage().size(StoreColumn.VALUES));
      int checked = 0;
      for (ByteKey key : first.entries().keySet()) {
        if (checked++ % 50 == 0) {
          byte[] k = key.toByteArray();
          Optional<byte[]> value = Optional.ofNullable(model.get(key));
          assertTrue(
              ProofVerifier.verify(big.prove(k, big.latestVersion()), k, value, big.rootHash()));
          assertEquals(value.map(ByteKey::of), big.get(k).map(ByteKey::of));
        }
      }
    }
  }

  private static void commitInSmallBlocks(InMemoryStateStore store, WriteSet block) {
    WriteSet part = new WriteSet();
    for (Map.Entry<ByteKey, byte[]> e : block.entries().entrySet()) {
      if (e.getValue() == null) {
        part.delete(e.getKey().toByteArray());
      } else {
        part.put(e.getKey().toByteArray(), e.getValue());
      }
      if (part.size() == 100) {
        store.commit(store.prepare(part));
        part = new WriteSet();
      }
    }
    store.commit(store.prepare(part));
  }

  private static void apply(TreeMap<ByteKey, byte[]> model, ByteKey key, byte[] valueOrNull) {
    if (valueOrNull == null) {
      model.remove(key);
    } else {
      model.put(key, valueOrNull);
    }
  }

  private static byte[] bytes(SplittableRandom random, int length) {
    byte[] out = new byte[length];
    random.nextBytes(out);
    return out;
  }
}
