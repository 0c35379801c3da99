package org.sprintchain.store.engine;

import java.nio.ByteBuffer;
import java.util.TreeSet;

/**
 * Keys whose newest value-history entry may be a delete tombstone, by the first 8 bytes of their
 * key hash. A key new to the tree that is not in here has no tombstone, so its commit skips the
 * value-history seek that would find one (pruning needs it: the new entry supersedes the
 * tombstone).
 *
 * <p>A superset, held in memory only: built on open from each key's newest entry (the same pass
 * that rebuilds the tree), grown by every committed delete and never shrunk while the store is
 * open. A member without a tombstone costs one seek, never a wrong prune. Read under the store's
 * shared lock; changed on open and under its exclusive lock.
 */
final class TombstoneKeys {
  private final TreeSet<Long> prefixes = new TreeSet<>();

  boolean mayHave(byte[] keyHash) {
    return prefixes.contains(prefix(keyHash));
  }

  void add(byte[] keyHash) {
    prefixes.add(prefix(keyHash));
  }

  private static long prefix(byte[] keyHash) {
    return ByteBuffer.wrap(keyHash, 0, Long.BYTES).getLong();
  }
}
