package org.sprintchain.pocw.commit;

import java.util.Arrays;
import org.sprintchain.pocw.hash.BigEndian;
import org.sprintchain.pocw.hash.Sha256;

/**
 * A node of the winner tree: its hash and the interval {@code [min, max]} of the nonces below it
 * (unsigned). An inner node's hash commits to both children's hashes and intervals:
 *
 * <pre>SHA-256(0x01 ‖ L.hash ‖ u64be(L.min) ‖ u64be(L.max) ‖ R.hash ‖ u64be(R.min) ‖ u64be(R.max))
 * </pre>
 *
 * and exists only when {@code L.max < R.min}. Checking that order at every node of a proof is what
 * makes sortedness, and so the uniqueness of the nonces, checkable from samples; see {@link
 * WinnerTree}.
 *
 * @param hash the 32-byte node hash
 * @param min the smallest nonce below (unsigned)
 * @param max the largest nonce below (unsigned)
 */
public record MerkleNode(byte[] hash, long min, long max) {
  /** Domain byte of an inner hash. */
  public static final byte INNER_PREFIX = 0x01;

  /** Copies and checks the node. */
  public MerkleNode {
    if (hash.length != Sha256.LENGTH) {
      throw new IllegalArgumentException("node hash: " + hash.length + " bytes, not 32");
    }
    if (Long.compareUnsigned(min, max) > 0) {
      throw new IllegalArgumentException("node interval min > max");
    }
    hash = hash.clone();
  }

  /** The leaf node of {@code leaf}. */
  public static MerkleNode leaf(WinnerLeaf leaf) {
    return new MerkleNode(leaf.hash(), leaf.nonce(), leaf.nonce());
  }

  /** The parent of {@code left} and {@code right}, or null when {@code left.max >= right.min}. */
  public static MerkleNode parent(MerkleNode left, MerkleNode right) {
    if (Long.compareUnsigned(left.max, right.min) >= 0) {
      return null;
    }
    byte[] h =
        Sha256.of(
            new byte[] {INNER_PREFIX},
            left.hash,
            BigEndian.u64(left.min),
            BigEndian.u64(left.max),
            right.hash,
            BigEndian.u64(right.min),
            BigEndian.u64(right.max));
    return new MerkleNode(h, left.min, right.max);
  }

  /** A copy of the hash. */
  @Override
  public byte[] hash() {
    return hash.clone();
  }

  boolean hashEquals(byte[] other) {
    return Arrays.equals(hash, other);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MerkleNode other
        && min == other.min
        && max == other.max
        && Arrays.equals(hash, other.hash);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(hash);
  }

  @Override
  public String toString() {
    return "MerkleNode[" + Long.toUnsignedString(min) + ".." + Long.toUnsignedString(max) + "]";
  }
}
