package org.sprintchain.pocw.commit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sprintchain.pocw.PocwTestData;
import org.sprintchain.pocw.hash.BigEndian;
import org.sprintchain.pocw.hash.Sha256;

class WinnerTreeTest {
  private static final WinnerLeaf A = PocwTestData.leaf(3);
  private static final WinnerLeaf B = PocwTestData.leaf(7);
  private static final WinnerLeaf C = PocwTestData.leaf(-1); // 2^64 - 1, the largest u64

  @Test
  void leafHashIsDomainSeparated() {
    assertArrayEquals(
        Sha256.of(new byte[] {0}, BigEndian.u64(3), PocwTestData.leaf(3).digest()), A.hash());
  }

  @Test
  void singleLeafTopIsTheLeafHash() {
    WinnerTree t = WinnerTree.of(List.of(A));
    assertArrayEquals(Sha256.of(new byte[] {2}, BigEndian.u64(1), A.hash()), t.commitment().root());
    assertEquals(1, t.commitment().count());
    MerkleProof p = t.proof(0);
    assertEquals(0, p.siblings().size());
    assertTrue(p.verify(t.commitment(), A));
  }

  @Test
  void threeLeavesPromoteTheLastOneAndSortUnsigned() {
    WinnerTree t = WinnerTree.of(List.of(C, B, A));
    assertEquals(List.of(A, B, C), t.leaves());
    MerkleNode ab = MerkleNode.parent(MerkleNode.leaf(A), MerkleNode.leaf(B));
    MerkleNode root = MerkleNode.parent(ab, MerkleNode.leaf(C));
    assertArrayEquals(WinnerCommitment.rootOf(3, root.hash()), t.commitment().root());
    byte[] expectedAb =
        Sha256.of(
            new byte[] {1},
            A.hash(),
            BigEndian.u64(3),
            BigEndian.u64(3),
            B.hash(),
            BigEndian.u64(7),
            BigEndian.u64(7));
    assertArrayEquals(expectedAb, ab.hash());
    // C is promoted at level 0, so its proof has one sibling (the AB node), not two.
    assertEquals(List.of(ab), t.proof(2).siblings());
    assertEquals(2, t.proof(0).siblings().size());
  }

  @Test
  void refusesEmptyAndDuplicateNonces() {
    assertThrows(IllegalArgumentException.class, () -> WinnerTree.of(List.of()));
    WinnerLeaf a2 = new WinnerLeaf(3, new byte[32]);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> WinnerTree.of(List.of(A, B, a2)));
    assertTrue(e.getMessage().contains("duplicate nonce 3"));
  }

  @Test
  void parentRefusesOverlappingIntervals() {
    assertNull(MerkleNode.parent(MerkleNode.leaf(B), MerkleNode.leaf(A)));
    assertNull(MerkleNode.parent(MerkleNode.leaf(A), MerkleNode.leaf(A)));
  }

  /**
   * The attack intervals defeat: list the same genuine winners twice. The cheater must hash the
   * root itself (WinnerTree refuses), and then no claim about the children's intervals lets leaves
   * on both sides open.
   */
  @Test
  void aDuplicatedListCannotOpenOnBothSides() {
    List<WinnerLeaf> half = PocwTestData.leaves(10, 20, 30, 40);
    WinnerTree honest = WinnerTree.of(half);
    // Honest intervals at the root: left [10,40], right [10,40] -> every proof fails the order.
    byte[] h = topOf(half);
    byte[] truthfulRoot = WinnerCommitment.rootOf(8, innerHash(h, 10, 40, h, 10, 40));
    // Lying about the right child's interval: left-side proofs pass, right-side ones cannot.
    byte[] lyingRoot = WinnerCommitment.rootOf(8, innerHash(h, 10, 40, h, 41, 80));
    WinnerCommitment truthful = new WinnerCommitment(8, truthfulRoot);
    WinnerCommitment lying = new WinnerCommitment(8, lyingRoot);
    int openTruthful = 0;
    int openLying = 0;
    for (int i = 0; i < 8; i++) {
      WinnerLeaf leaf = half.get(i % 4);
      List<MerkleNode> sib = new ArrayList<>(honest.proof(i % 4).siblings());
      MerkleNode other = new MerkleNode(h, 10, 40);
      MerkleNode otherLie = i < 4 ? new MerkleNode(h, 41, 80) : new MerkleNode(h, 10, 40);
      List<MerkleNode> a = new ArrayList<>(sib);
      a.add(other);
      List<MerkleNode> b = new ArrayList<>(sib);
      b.add(otherLie);
      openTruthful += new MerkleProof(i, a).verify(truthful, leaf) ? 1 : 0;
      openLying += new MerkleProof(i, b).verify(lying, leaf) ? 1 : 0;
    }
    assertEquals(0, openTruthful);
    assertEquals(4, openLying); // only one copy of each winner opens
  }

  private static byte[] topOf(List<WinnerLeaf> four) {
    MerkleNode l = MerkleNode.parent(MerkleNode.leaf(four.get(0)), MerkleNode.leaf(four.get(1)));
    MerkleNode r = MerkleNode.parent(MerkleNode.leaf(four.get(2)), MerkleNode.leaf(four.get(3)));
    return MerkleNode.parent(l, r).hash();
  }

  private static byte[] innerHash(byte[] l, long lmin, long lmax, byte[] r, long rmin, long rmax) {
    return Sha256.of(
        new byte[] {1},
        l,
        BigEndian.u64(lmin),
        BigEndian.u64(lmax),
        r,
        BigEndian.u64(rmin),
        BigEndian.u64(rmax));
  }

  @Test
  void proofRefusesWrongIndexCountAndTrailingSiblings() {
    WinnerTree t = WinnerTree.of(PocwTestData.leaves(1, 2, 3, 4, 5));
    WinnerCommitment c = t.commitment();
    MerkleProof p = t.proof(1);
    assertTrue(p.verify(c, t.leaf(1)));
    assertFalse(new MerkleProof(0, p.siblings()).verify(c, t.leaf(1)));
    assertFalse(p.verify(new WinnerCommitment(6, c.root()), t.leaf(1)));
    assertFalse(p.verify(new WinnerCommitment(4, c.root()), t.leaf(1)));
    List<MerkleNode> extra = new ArrayList<>(p.siblings());
    extra.add(p.siblings().get(0));
    assertFalse(new MerkleProof(1, extra).verify(c, t.leaf(1)));
    assertFalse(new MerkleProof(1, p.siblings().subList(0, 2)).verify(c, t.leaf(1)));
    assertFalse(new MerkleProof(5, p.siblings()).verify(c, t.leaf(1)));
    assertFalse(new MerkleProof(-1, p.siblings()).verify(c, t.leaf(1)));
  }

  @Test
  void revealCanCheckTheLeafHashWithoutTheDigest() {
    WinnerTree t = WinnerTree.of(PocwTestData.leaves(5, 9, 11));
    WinnerLeaf leaf = t.leaf(1);
    assertTrue(t.proof(1).verifyLeafHash(t.commitment(), 9, leaf.hash()));
    assertFalse(t.proof(1).verifyLeafHash(t.commitment(), 10, leaf.hash()));
    assertFalse(t.proof(1).verifyLeafHash(t.commitment(), 9, new byte[31]));
  }

  @Test
  void decodeRefusesMalformedBytes() {
    WinnerTree t = WinnerTree.of(PocwTestData.leaves(5, 9, 11, 12));
    byte[] enc = t.proof(2).encode();
    assertEquals(9 + 2 * 48, enc.length);
    assertEquals(t.proof(2), MerkleProof.decode(enc).orElseThrow());
    assertTrue(MerkleProof.decode(new byte[8]).isEmpty());
    assertTrue(MerkleProof.decode(Arrays.copyOf(enc, enc.length + 1)).isEmpty());
    byte[] negativeIndex = enc.clone();
    negativeIndex[0] = (byte) 0x80;
    assertTrue(MerkleProof.decode(negativeIndex).isEmpty());
    byte[] badInterval = enc.clone();
    badInterval[9 + 32] = (byte) 0xFF; // min's top byte above max
    assertTrue(MerkleProof.decode(badInterval).isEmpty());
    byte[] tooDeep = new byte[9 + 65 * 48];
    tooDeep[8] = 65;
    assertTrue(MerkleProof.decode(tooDeep).isEmpty());
  }
}
