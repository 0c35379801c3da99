package org.sprintchain.store.merkle;

/** Loads stored four-level nodes; a missing node is a corrupted store, never an absent key. */
@FunctionalInterface
public interface NodeLoader {
  /**
   * The node stored under {@code key}, as the binary inner node at the top of its group.
   *
   * @throws org.sprintchain.store.StoreCorruptedException when no node is stored under the key
   */
  Subtree.Inner load(NodeKey key);
}
