package org.sprintchain.store.merkle;

import java.util.Arrays;

/**
 * A subtree of the binary sparse Merkle tree as the store holds it. Storage groups the binary tree
 * into nodes of four levels ({@link NodeCodec}): inside a stored node the binary structure is kept
 * as {@link Inner} subtrees, leaves are embedded in their parent, and a {@link NodeRef} points to
 * the stored node of a deeper four-level group. Hashes are the binary tree's, so grouping changes
 * neither the root nor proofs.
 *
 * <p>Instances are immutable; hashes of inner subtrees are computed on first use and memoized.
 */
public sealed interface Subtree
    permits Subtree.Empty, Subtree.Leaf, Subtree.Inner, Subtree.NodeRef {

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

  /** A binary inner node inside a stored four-level node (or the top of one). */
  final class Inner implements Subtree {
    private final Subtree left;
    private final Subtree right;
    private volatile byte[] hash;

    public Inner(Subtree left, Subtree right) {
      this.left = left;
      this.right = right;
    }

    /** The same node with its hash as stored, to save recomputing it. */
    Inner withKnownHash(byte[] knownHash) {
      Inner copy = new Inner(left, right);
      copy.hash = knownHash;
      return copy;
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

  /**
   * A pointer to a stored node: the version that wrote it (with the path, its storage key) and its
   * hash, so that a proof or an update never loads a node it does not descend into.
   */
  final class NodeRef implements Subtree {
    private final long version;
    private final byte[] hash;

    public NodeRef(long version, byte[] hash) {
      if (hash.length != MerkleHashing.HASH_BYTES) {
        throw new IllegalArgumentException("hash must be 32 bytes");
      }
      this.version = version;
      this.hash = hash;
    }

    public long version() {
      return version;
    }

    @Override
    public byte[] hashUnsafe() {
      return hash;
    }

    @Override
    public String toString() {
      return "Node@" + version;
    }
  }
}
