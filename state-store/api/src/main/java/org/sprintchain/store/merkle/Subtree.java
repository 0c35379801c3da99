package org.sprintchain.store.merkle;

import java.util.Arrays;

/**
 * A subtree of the binary sparse Merkle tree, held in memory. Versions share every subtree they did
 * not change (a new version copies only the paths its writes touch).
 *
 * <p>Instances are immutable; hashes are computed on first use and memoized.
 */
public sealed interface Subtree permits Subtree.Empty, Subtree.Leaf, Subtree.Inner {

  Empty EMPTY = new Empty();

  /** The hash, not copied: callers must not write to it. */
  byte[] hashUnsafe();

  default byte[] hash() {
    return hashUnsafe().clone();
  }

  default boolean isEmpty() {
    return this instanceof Empty;
  }

  /** An empty subtree: the 32-byte zero hash. */
  final class Empty implements Subtree {
    private static final byte[] ZERO = new byte[MerkleHashing.HASH_BYTES];

    private Empty() {}

    @Override
    public byte[] hashUnsafe() {
      return ZERO;
    }

    @Override
    public String toString() {
      return "EMPTY";
    }
  }

  /**
   * The only entry of its subtree. {@code valueVersion} is the version whose value-history entry
   * holds the value: it tells a commit which entry a new value supersedes without reading the value
   * history. It is stored, not hashed.
   */
  final class Leaf implements Subtree {
    private final byte[] keyHash;
    private final byte[] valueHash;
    private final long valueVersion;
    private volatile byte[] hash;

    public Leaf(byte[] keyHash, byte[] valueHash, long valueVersion) {
      if (keyHash.length != MerkleHashing.HASH_BYTES
          || valueHash.length != MerkleHashing.HASH_BYTES) {
        throw new IllegalArgumentException("leaf hashes must be 32 bytes");
      }
      this.keyHash = keyHash;
      this.valueHash = valueHash;
      this.valueVersion = valueVersion;
    }

    public byte[] keyHash() {
      return keyHash.clone();
    }

    public byte[] valueHash() {
      return valueHash.clone();
    }

    public long valueVersion() {
      return valueVersion;
    }

    byte[] keyHashUnsafe() {
      return keyHash;
    }

    byte[] valueHashUnsafe() {
      return valueHash;
    }

    boolean sameKey(byte[] otherKeyHash) {
      return Arrays.equals(keyHash, otherKeyHash);
    }

    @Override
    public byte[] hashUnsafe() {
      byte[] h = hash;
      if (h == null) {
        h = MerkleHashing.leafHash(keyHash, valueHash);
        hash = h;
      }
      return h;
    }

    @Override
    public String toString() {
      return "Leaf@" + valueVersion;
    }
  }

  /** A binary inner node: a subtree with at least two entries. */
  final class Inner implements Subtree {
    private final Subtree left;
    private final Subtree right;
    private volatile byte[] hash;

    public Inner(Subtree left, Subtree right) {
      this.left = left;
      this.right = right;
    }

    public Subtree left() {
      return left;
    }

    public Subtree right() {
      return right;
    }

    public Subtree child(boolean rightSide) {
      return rightSide ? right : left;
    }

    @Override
    public byte[] hashUnsafe() {
      byte[] h = hash;
      if (h == null) {
        h = MerkleHashing.internalHash(left.hashUnsafe(), right.hashUnsafe());
        hash = h;
      }
      return h;
    }

    @Override
    public String toString() {
      return "Inner(" + left + ", " + right + ")";
    }
  }
}
