package org.sprintchain.pocw.commit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The Merkle tree over a worker's winners.
 *
 * <p><b>Rule.</b> Leaves are sorted by nonce, ascending as unsigned 64-bit integers; duplicate
 * nonces are refused (sorting is part of the rule, so the root does not depend on the order the
 * worker found its winners in). Level 0 holds the leaf nodes ({@link MerkleNode#leaf}); level
 * {@code l+1} pairs nodes {@code (2j, 2j+1)} of level {@code l} into {@link MerkleNode#parent}.
 * When a level has an odd number of nodes, its last node is <b>promoted</b> unchanged to the next
 * level (it is not paired with a copy of itself, which would let two different leaf lists share a
 * root, as in Bitcoin's CVE-2012-2459). The top is the single node of the last level (a tree of one
 * leaf has the leaf node as its top), and the committed root binds the top to the count ({@link
 * WinnerCommitment}).
 *
 * <p><b>Why intervals.</b> A plain Merkle tree lets a cheater list one genuine winner many times:
 * every sampled copy opens and recomputes correctly. Here each inner hash commits to both
 * children's nonce intervals and exists only when the left interval ends below the right one. A
 * proof recomputes every interval on its path, so any two leaves with valid proofs are in strictly
 * increasing nonce order (at their lowest common ancestor, the one is at most the left child's max,
 * which is below the right child's min, which is at most the other). Hence every leaf that opens is
 * distinct from every other leaf that opens, and an inflated list is a list with leaves that fail
 * to open: the same hypergeometric sampling that catches fake winners catches duplicates.
 */
public final class WinnerTree {
  private final List<WinnerLeaf> leaves;
  private final List<MerkleNode[]> levels;

  private WinnerTree(List<WinnerLeaf> leaves, List<MerkleNode[]> levels) {
    this.leaves = leaves;
    this.levels = levels;
  }

  /**
   * Builds the tree of {@code winners}, in any order; refuses an empty list and repeated nonces.
   */
  public static WinnerTree of(Collection<WinnerLeaf> winners) {
    if (winners.isEmpty()) {
      throw new IllegalArgumentException("no winners: a commitment holds at least one leaf");
    }
    List<WinnerLeaf> sorted = new ArrayList<>(winners);
    sorted.sort((a, b) -> Long.compareUnsigned(a.nonce(), b.nonce()));
    MerkleNode[] level = new MerkleNode[sorted.size()];
    for (int i = 0; i < level.length; i++) {
      if (i > 0 && sorted.get(i).nonce() == sorted.get(i - 1).nonce()) {
        throw new IllegalArgumentException(
            "duplicate nonce " + Long.toUnsignedString(sorted.get(i).nonce()));
      }
      level[i] = MerkleNode.leaf(sorted.get(i));
    }
    List<MerkleNode[]> levels = new ArrayList<>();
    levels.add(level);
    while (level.length > 1) {
      MerkleNode[] next = new MerkleNode[(level.length + 1) / 2];
      for (int j = 0; j < level.length / 2; j++) {
        next[j] = MerkleNode.parent(level[2 * j], level[2 * j + 1]);
      }
      if (level.length % 2 == 1) {
        next[next.length - 1] = level[level.length - 1];
      }
      levels.add(next);
      level = next;
    }
    return new WinnerTree(List.copyOf(sorted), List.copyOf(levels));
  }

  /** The on-chain commitment: count and root. */
  public WinnerCommitment commitment() {
    return WinnerCommitment.of(leaves.size(), levels.getLast()[0].hash());
  }

  /** Number of leaves. */
  public int size() {
    return leaves.size();
  }

  /** The leaves in tree order (ascending nonce). */
  public List<WinnerLeaf> leaves() {
    return leaves;
  }

  /** The leaf at {@code index} in tree order. */
  public WinnerLeaf leaf(int index) {
    return leaves.get(index);
  }

  /** The inclusion proof of the leaf at {@code index}. */
  public MerkleProof proof(int index) {
    if (index < 0 || index >= leaves.size()) {
      throw new IndexOutOfBoundsException("leaf " + index + " of " + leaves.size());
    }
    List<MerkleNode> siblings = new ArrayList<>();
    int pos = index;
    for (int l = 0; l < levels.size() - 1; l++) {
      MerkleNode[] level = levels.get(l);
      boolean promoted = pos == level.length - 1 && level.length % 2 == 1;
      if (!promoted) {
        siblings.add(level[pos ^ 1]);
      }
      pos /= 2;
    }
    return new MerkleProof(index, siblings);
  }
}
