package org.sprintchain.store.merkle;

import java.util.Arrays;

/**
 * A subtree of the binary sparse Merkle tree, held in memory. Versions share every subtree they did
 * not change (a new version copies only the paths its writes touch).
 *
 * <p>Instances are immutable and hashed when made (children first), so reading a hash never
 * computes anything and instances are safe to share between threads. An inner node keeps its hash
 * in four {@code long} fields rather than an array: a 1M-key tree holds about 1.4M of them, and one
 * object each instead of two halves what the garbage collector has to trace and copy.
 */
public sealed interface Subtree permits Subtree.Empty, Subtree.Leaf, Subtree.Inner {

  Empty EMPTY = new Empty();

  /** Copies the 32-byte hash into {@code out} at {@code offset}. */
  void copyHash(byte[] out, int offset);

  /** The hash, as a new array. */
  default byte[] hash() {
    byte[] out = new byte[MerkleHashing.HASH_BYTES];
    copyHash(out, 0);
    return out;
  }

  default boolean isEmpty() {
    return this instanceof Empty;
  }

  /** An empty subtree: the 32-byte zero hash. */
  final class Empty implements Subtree {
    private Empty() {}

    @Override
    public void copyHash(byte[] out, int offset) {
      Arrays.fill(out, offset, offset + MerkleHashing.HASH_BYTES, (byte) 0);
    }

    @Override
    public String toString() {
      return "EMPTY";
    }
  }

  /**
   * The only entry of its subtree. {@code valueVersion} is the version whose value-history entry
   * holds the value: it tells a commit which entry a new value supersedes without reading the value
   * history. It is kept with the leaf, not hashed. Key hash, value hash and leaf hash are held as
   * {@code long}s (big-endian, so unsigned order and bit order are those of the bytes): one object
   * per leaf.
   */
  final class Leaf implements Subtree {
    private final long k0;
    private final long k1;
    private final long k2;
    private final long k3;
    private final long v0;
    private final long v1;
    private final long v2;
    private final long v3;
    private final long h0;
    private final long h1;
    private final long h2;
    private final long h3;
    private final long valueVersion;

    public Leaf(byte[] keyHash, byte[] valueHash, long valueVersion) {
      if (keyHash.length != MerkleHashing.HASH_BYTES
          || valueHash.length != MerkleHashing.HASH_BYTES) {
        throw new IllegalArgumentException("leaf hashes must be 32 bytes");
      }
      this.k0 = Hash32.longAt(keyHash, 0);
      this.k1 = Hash32.longAt(keyHash, 8);
      this.k2 = Hash32.longAt(keyHash, 16);
      this.k3 = Hash32.longAt(keyHash, 24);
      this.v0 = Hash32.longAt(valueHash, 0);
      this.v1 = Hash32.longAt(valueHash, 8);
      this.v2 = Hash32.longAt(valueHash, 16);
      this.v3 = Hash32.longAt(valueHash, 24);
      this.valueVersion = valueVersion;
      byte[] h = MerkleHashing.leafHashScratch(keyHash, valueHash);
      this.h0 = Hash32.longAt(h, 0);
      this.h1 = Hash32.longAt(h, 8);
      this.h2 = Hash32.longAt(h, 16);
      this.h3 = Hash32.longAt(h, 24);
    }

    public byte[] keyHash() {
      return Hash32.bytes(k0, k1, k2, k3);
    }

    public byte[] valueHash() {
      return Hash32.bytes(v0, v1, v2, v3);
    }

    public long valueVersion() {
      return valueVersion;
    }

    /** Unsigned comparison of this leaf's key hash with {@code keyHash}. */
    int compareKeyHash(byte[] keyHash) {
      int c = Long.compareUnsigned(k0, Hash32.longAt(keyHash, 0));
      if (c == 0) {
        c = Long.compareUnsigned(k1, Hash32.longAt(keyHash, 8));
      }
      if (c == 0) {
        c = Long.compareUnsigned(k2, Hash32.longAt(keyHash, 16));
      }
      return c != 0 ? c : Long.compareUnsigned(k3, Hash32.longAt(keyHash, 24));
    }

    int compareKeyHash(Leaf other) {
      int c = Long.compareUnsigned(k0, other.k0);
      if (c == 0) {
        c = Long.compareUnsigned(k1, other.k1);
      }
      if (c == 0) {
        c = Long.compareUnsigned(k2, other.k2);
      }
      return c != 0 ? c : Long.compareUnsigned(k3, other.k3);
    }

    /** Bit {@code index} of the key hash, most significant first; true means right. */
    boolean keyBit(int index) {
      long word =
          switch (index >>> 6) {
            case 0 -> k0;
            case 1 -> k1;
            case 2 -> k2;
            default -> k3;
          };
      return ((word >>> (63 - (index & 63))) & 1) != 0;
    }

    boolean sameKey(byte[] keyHash) {
      return compareKeyHash(keyHash) == 0;
    }

    boolean sameValue(byte[] valueHash) {
      return v0 == Hash32.longAt(valueHash, 0)
          && v1 == Hash32.longAt(valueHash, 8)
          && v2 == Hash32.longAt(valueHash, 16)
          && v3 == Hash32.longAt(valueHash, 24);
    }

    @Override
    public void copyHash(byte[] out, int offset) {
      Hash32.put(out, offset, h0, h1, h2, h3);
    }

    @Override
    public String toString() {
      return "Leaf@" + valueVersion;
    }
  }

  /** A binary inner node: a subtree with at least two entries. Hashes its children when made. */
  final class Inner implements Subtree {
    private final Subtree left;
    private final Subtree right;
    private final long h0;
    private final long h1;
    private final long h2;
    private final long h3;

    public Inner(Subtree left, Subtree right) {
      this.left = left;
      this.right = right;
      byte[] h = MerkleHashing.internalHashScratch(left, right);
      this.h0 = Hash32.longAt(h, 0);
      this.h1 = Hash32.longAt(h, 8);
      this.h2 = Hash32.longAt(h, 16);
      this.h3 = Hash32.longAt(h, 24);
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
    public void copyHash(byte[] out, int offset) {
      Hash32.put(out, offset, h0, h1, h2, h3);
    }

    @Override
    public String toString() {
      return "Inner(" + left + ", " + right + ")";
    }
  }
}
