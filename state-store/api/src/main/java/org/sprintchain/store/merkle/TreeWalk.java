package org.sprintchain.store.merkle;

import java.util.ArrayList;
import java.util.List;
import org.sprintchain.store.Proof;

/** Walks one key's path from a root: proof building and leaf lookup. */
public final class TreeWalk {
  private TreeWalk() {}

  /** Builds the membership or non-membership proof of {@code keyHash} under {@code root}. */
  public static Proof prove(Subtree root, byte[] keyHash) {
    List<byte[]> siblings = new ArrayList<>();
    Subtree terminal = walk(root, keyHash, siblings);
    if (terminal.isEmpty()) {
      return Proof.absentEmpty(keyHash, siblings);
    }
    Subtree.Leaf leaf = (Subtree.Leaf) terminal;
    if (leaf.sameKey(keyHash)) {
      return Proof.membership(siblings);
    }
    return Proof.absentOtherLeaf(keyHash, leaf.keyHash(), leaf.valueHash(), siblings);
  }

  /** The empty subtree or leaf where the path of {@code keyHash} ends. */
  public static Subtree terminal(Subtree root, byte[] keyHash) {
    return walk(root, keyHash, null);
  }

  private static Subtree walk(Subtree root, byte[] keyHash, List<byte[]> siblingsOrNull) {
    Subtree at = root;
    int depth = 0;
    while (at instanceof Subtree.Inner node) {
      boolean right = MerkleHashing.bit(keyHash, depth);
      if (siblingsOrNull != null) {
        siblingsOrNull.add(node.child(!right).hash());
      }
      at = node.child(right);
      depth++;
    }
    return at;
  }
}
