package org.sprintchain.store.merkle;

import java.util.ArrayList;
import java.util.List;
import org.sprintchain.store.Proof;
import org.sprintchain.store.StoreCorruptedException;

/** Walks one key's path from a root: node loading with type checks, and proof building. */
public final class TreeWalk {
  private TreeWalk() {}

  /** Loads the node a child pointer names and checks it is of the kind the pointer says. */
  static TreeNode load(TreeReader reader, ChildRef ref, int depth, byte[] path) {
    NodeKey key = NodeKey.of(ref.version(), path, depth);
    TreeNode node = reader.load(key);
    boolean kindMatches =
        ref.type() == NodeType.LEAF ? node instanceof LeafNode : node instanceof InternalNode;
    if (!kindMatches) {
      throw new StoreCorruptedException(key + " holds a node of the wrong kind");
    }
    return node;
  }

  /**
   * Builds the membership or non-membership proof of {@code keyHash} under {@code root}. Costs one
   * node load per level because inner nodes carry their children's hashes.
   */
  public static Proof prove(TreeReader reader, ChildRef root, byte[] keyHash) {
    List<byte[]> siblings = new ArrayList<>();
    ChildRef ref = root;
    int depth = 0;
    while (ref.type() == NodeType.INTERNAL) {
      InternalNode node = (InternalNode) load(reader, ref, depth, keyHash);
      boolean right = MerkleHashing.bit(keyHash, depth);
      siblings.add(node.child(!right).hash());
      ref = node.child(right);
      depth++;
    }
    if (ref.isEmpty()) {
      return Proof.absentEmpty(keyHash, siblings);
    }
    LeafNode leaf = (LeafNode) load(reader, ref, depth, keyHash);
    if (leaf.sameKey(keyHash)) {
      return Proof.membership(siblings);
    }
    return Proof.absentOtherLeaf(keyHash, leaf.keyHash(), leaf.valueHash(), siblings);
  }
}
