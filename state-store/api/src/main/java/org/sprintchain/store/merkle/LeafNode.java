package org.sprintchain.store.merkle;

import java.util.Arrays;

/**
 * The only entry of its subtree. It sits at the shallowest depth where it is alone, so the tree
 * needs no chain of single-child inner nodes above it; the key hash it carries tells which path it
 * stands for.
 */
public final class LeafNode implements TreeNode {
  private final byte[] keyHash;
  private final byte[] valueHash;

  public LeafNode(byte[] keyHash, byte[] valueHash) {
    if (keyHash.length != MerkleHashing.HASH_BYTES
        || valueHash.length != MerkleHashing.HASH_BYTES) {
      throw new IllegalArgumentException("leaf hashes must be 32 bytes");
    }
    this.keyHash = keyHash.clone();
    this.valueHash = valueHash.clone();
  }

  public byte[] keyHash() {
    return keyHash.clone();
  }

  public byte[] valueHash() {
    return valueHash.clone();
  }

  boolean sameKey(byte[] otherKeyHash) {
    return Arrays.equals(keyHash, otherKeyHash);
  }

  boolean sameContent(LeafNode other) {
    return Arrays.equals(keyHash, other.keyHash) && Arrays.equals(valueHash, other.valueHash);
  }

  byte[] keyHashUnsafe() {
    return keyHash;
  }

  @Override
  public byte[] hash() {
    return MerkleHashing.leafHash(keyHash, valueHash);
  }
}
