package org.sprintchain.store.merkle;

import java.util.List;

/**
 * The result of applying a batch of key updates to one version: the new root (hashed) and the
 * updates that changed something.
 */
public record TreeUpdate(Subtree root, List<Applied> applied) {

  /**
   * An update that changed the tree. {@code previousValueVersion} is the value version of the leaf
   * it replaced or removed, -1 when the key had no leaf.
   */
  public record Applied(byte[] keyHash, long previousValueVersion) {}

  public TreeUpdate {
    applied = List.copyOf(applied);
  }
}
