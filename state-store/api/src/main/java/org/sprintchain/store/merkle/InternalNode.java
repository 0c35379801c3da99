package org.sprintchain.store.merkle;

/** A node with at least two entries below it; a subtree holding fewer collapses to a leaf. */
public final class InternalNode implements TreeNode {
  private final ChildRef left;
  private final ChildRef right;

  public InternalNode(ChildRef left, ChildRef right) {
    this.left = left;
    this.right = right;
  }

  public ChildRef left() {
    return left;
  }

  public ChildRef right() {
    return right;
  }

  public ChildRef child(boolean rightSide) {
    return rightSide ? right : left;
  }

  @Override
  public byte[] hash() {
    return MerkleHashing.internalHash(left.hashUnsafe(), right.hashUnsafe());
  }
}
