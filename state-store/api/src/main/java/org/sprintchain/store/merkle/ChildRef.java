package org.sprintchain.store.merkle;

import java.util.Arrays;

/**
 * A pointer to a subtree as its parent stores it: the kind of node, the version that wrote it
 * (which together with the path locates it) and its hash. Keeping child hashes in the parent lets a
 * proof be built by walking one path without loading any sibling.
 */
public final class ChildRef {
  public static final ChildRef EMPTY = new ChildRef(NodeType.EMPTY, 0, MerkleHashing.emptyRoot());

  private final NodeType type;
  private final long version;
  private final byte[] hash;

  private ChildRef(NodeType type, long version, byte[] hash) {
    this.type = type;
    this.version = version;
    this.hash = hash;
  }

  public static ChildRef of(NodeType type, long version, byte[] hash) {
    if (type == NodeType.EMPTY) {
      return EMPTY;
    }
    if (hash.length != MerkleHashing.HASH_BYTES) {
      throw new IllegalArgumentException("hash must be 32 bytes");
    }
    return new ChildRef(type, version, hash.clone());
  }

  public NodeType type() {
    return type;
  }

  public boolean isEmpty() {
    return type == NodeType.EMPTY;
  }

  public long version() {
    return version;
  }

  public byte[] hash() {
    return hash.clone();
  }

  /** The hash without a defensive copy, for hashing loops that never write to it. */
  byte[] hashUnsafe() {
    return hash;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ChildRef other
        && type == other.type
        && version == other.version
        && Arrays.equals(hash, other.hash);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(hash) * 31 + type.hashCode();
  }

  @Override
  public String toString() {
    return type + "@" + version;
  }
}
