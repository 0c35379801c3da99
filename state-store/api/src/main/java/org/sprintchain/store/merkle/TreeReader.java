package org.sprintchain.store.merkle;

/** Loads stored nodes; a missing node is a corrupted store, never an absent key. */
@FunctionalInterface
public interface TreeReader {
  /**
   * @throws org.sprintchain.store.StoreCorruptedException when no node is stored under the key
   */
  TreeNode load(NodeKey key);
}
