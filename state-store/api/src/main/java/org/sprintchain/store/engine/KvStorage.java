package org.sprintchain.store.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The storage port under {@link MerkleStateStore}: an ordered byte map per column with atomic
 * batches. RocksDB implements it for production and a sorted map for tests; everything above it
 * (tree, versions, pruning) is shared, so both stores behave identically by construction.
 */
public interface KvStorage extends AutoCloseable {

  Optional<byte[]> get(StoreColumn column, byte[] key);

  /**
   * Visits entries with key >= {@code from} in unsigned lexicographic order until the visitor
   * returns false or the column ends.
   */
  void scan(StoreColumn column, byte[] from, EntryVisitor visitor);

  /**
   * For each target, in the given ascending order, the first entry with key >= target, or null past
   * the end. Implementations may reuse one cursor for all targets, which is much cheaper than one
   * scan each.
   */
  default List<byte[][]> seekEach(StoreColumn column, List<byte[]> ascendingTargets) {
    List<byte[][]> out = new ArrayList<>(ascendingTargets.size());
    for (byte[] target : ascendingTargets) {
      byte[][][] found = {null};
      scan(
          column,
          target,
          (k, v) -> {
            found[0] = new byte[][] {k, v};
            return false;
          });
      out.add(found[0]);
    }
    return out;
  }

  /**
   * Applies every operation of the batch or none, durably: once this returns, a process crash loses
   * nothing.
   */
  void write(KvBatch batch);

  /** A short description of where the data lives, for error messages. */
  String location();

  @Override
  void close();

  /** Receives entries in key order; returning false stops the scan. */
  @FunctionalInterface
  interface EntryVisitor {
    boolean visit(byte[] key, byte[] value);
  }
}
