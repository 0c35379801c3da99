package org.sprintchain.store.merkle;

/** A stored node of the state tree. Nodes are immutable and never rewritten in place. */
public sealed interface TreeNode permits LeafNode, InternalNode {
  byte[] hash();
}
