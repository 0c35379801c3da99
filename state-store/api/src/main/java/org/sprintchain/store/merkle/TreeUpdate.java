package org.sprintchain.store.merkle;

import java.util.List;

/**
 * The result of applying a batch of key updates to one version: the new root, the stored nodes to
 * write (all under the new version), the stored nodes the new version no longer references, and the
 * updates that changed something.
 */
public record TreeUpdate(
    Subtree root, List<NodeWrite> newNodes, List<NodeKey> staleNodes, List<Applied> applied) {

  /**
   * A stored node to persist under its key, with its encoding ({@link NodeCodec#encodeNode}), made
   * while the node was hashed (in parallel for large batches).
   */
  public record NodeWrite(NodeKey key, Subtree.Inner node, byte[] encoded) {}

  /**
   * An update that changed the tree. {@code previousValueVersion} is the value version of the leaf
   * it replaced or removed, -1 when the key had no leaf.
   */
  public record Applied(byte[] keyHash, long previousValueVersion) {}

  public TreeUpdate {
    newNodes = List.copyOf(newNodes);
    staleNodes = List.copyOf(staleNodes);
    applied = List.copyOf(applied);
  }
}
