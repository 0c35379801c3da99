package org.sprintchain.pocw.commit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sprintchain.pocw.hash.BigEndian;
import org.sprintchain.pocw.hash.Sha256;

/**
 * An inclusion proof of one leaf in a {@link WinnerTree}: the leaf's index and the sibling nodes
 * (hash and interval) on its path, bottom up, skipping the levels where the path node is promoted.
 * Which levels those are follows from (index, count) alone, so verification needs nothing but the
 * {@link WinnerCommitment}.
 *
 * <p>Compact encoding (big-endian): {@code u64 leaf_index ‖ u8 sibling_count ‖ sibling_count ×
 * (hash[32] ‖ u64 min ‖ u64 max)}, 9 + 48·d bytes for depth d (≈ 1 KB at a million winners).
 *
 * @param leafIndex the leaf's index in tree order
 * @param siblings the sibling nodes, bottom up
 */
public record MerkleProof(long leafIndex, List<MerkleNode> siblings) {
  /** The deepest proof accepted: 64 levels cover any count that fits a u64. */
  public static final int MAX_DEPTH = 64;

  private static final int SIBLING_BYTES = Sha256.LENGTH + 16;

  /** Copies the sibling list. */
  public MerkleProof {
    siblings = List.copyOf(siblings);
  }

  /** True when {@code leaf} sits at {@link #leafIndex} of the tree committed by {@code c}. */
  public boolean verify(WinnerCommitment c, WinnerLeaf leaf) {
    return verifyNode(c, MerkleNode.leaf(leaf));
  }

  /**
   * True when a leaf with this {@code nonce} and {@code leafHash} sits at {@link #leafIndex}. This
   * is what the chain checks on reveal, while the digest itself stays hidden until the auditors
   * recompute it ({@code leafHash = SHA-256(0x00 ‖ u64be(nonce) ‖ digest)}).
   */
  public boolean verifyLeafHash(WinnerCommitment c, long nonce, byte[] leafHash) {
    if (leafHash.length != Sha256.LENGTH) {
      return false;
    }
    return verifyNode(c, new MerkleNode(leafHash, nonce, nonce));
  }

  private boolean verifyNode(WinnerCommitment c, MerkleNode leaf) {
    long count = c.count();
    if (leafIndex < 0 || leafIndex >= count || siblings.size() > MAX_DEPTH) {
      return false;
    }
    MerkleNode node = leaf;
    long pos = leafIndex;
    long width = count;
    int used = 0;
    while (width > 1) {
      boolean promoted = pos == width - 1 && (width & 1) == 1;
      if (!promoted) {
        if (used == siblings.size()) {
          return false;
        }
        MerkleNode sibling = siblings.get(used++);
        node = (pos & 1) == 0 ? MerkleNode.parent(node, sibling) : MerkleNode.parent(sibling, node);
        if (node == null) {
          return false;
        }
      }
      pos >>>= 1;
      width = (width >>> 1) + (width & 1);
    }
    return used == siblings.size() && c.hasTop(node.hash());
  }

  /** The compact encoding. */
  public byte[] encode() {
    byte[] out = new byte[9 + SIBLING_BYTES * siblings.size()];
    System.arraycopy(BigEndian.u64(leafIndex), 0, out, 0, 8);
    out[8] = (byte) siblings.size();
    int at = 9;
    for (MerkleNode s : siblings) {
      System.arraycopy(s.hash(), 0, out, at, Sha256.LENGTH);
      System.arraycopy(BigEndian.u64(s.min()), 0, out, at + 32, 8);
      System.arraycopy(BigEndian.u64(s.max()), 0, out, at + 40, 8);
      at += SIBLING_BYTES;
    }
    return out;
  }

  /**
   * Decodes {@link #encode()}'s format; empty when the bytes are malformed (wrong length, more than
   * {@link #MAX_DEPTH} siblings, an index above int64, an interval with min > max).
   */
  public static Optional<MerkleProof> decode(byte[] bytes) {
    if (bytes.length < 9) {
      return Optional.empty();
    }
    long index = BigEndian.readU64(bytes, 0);
    int n = bytes[8] & 0xFF;
    if (index < 0 || n > MAX_DEPTH || bytes.length != 9 + SIBLING_BYTES * n) {
      return Optional.empty();
    }
    List<MerkleNode> siblings = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int at = 9 + SIBLING_BYTES * i;
      byte[] hash = new byte[Sha256.LENGTH];
      System.arraycopy(bytes, at, hash, 0, Sha256.LENGTH);
      long min = BigEndian.readU64(bytes, at + 32);
      long max = BigEndian.readU64(bytes, at + 40);
      if (Long.compareUnsigned(min, max) > 0) {
        return Optional.empty();
      }
      siblings.add(new MerkleNode(hash, min, max));
    }
    return Optional.of(new MerkleProof(index, siblings));
  }
}
