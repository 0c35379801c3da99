package org.sprintchain.store.merkle;

import java.util.List;

/**
 * The result of applying a batch of key updates to one version: the new root, the nodes to write
 * (all under the new version) and the stored nodes the new version no longer references.
 */
public record TreeUpdate(ChildRef root, List<NodeWrite> newNodes, List<NodeKey> staleNodes) {

  /** A node to persist under its key. */
  public record NodeWrite(NodeKey key, TreeNode node) {}

  public TreeUpdate {
    newNodes = List.copyOf(newNodes);
    staleNodes = List.copyOf(staleNodes);
  }
}
