package org.sprintchain.pocw.commit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.sprintchain.pocw.PocwTestData;

class MerkleProofProperties {
  @Provide
  Arbitrary<List<Long>> nonceSets() {
    return Arbitraries.longs().list().uniqueElements().ofMinSize(1).ofMaxSize(70);
  }

  private static List<WinnerLeaf> leavesOf(List<Long> nonces) {
    List<WinnerLeaf> leaves = new ArrayList<>();
    for (long n : nonces) {
      leaves.add(PocwTestData.leaf(n));
    }
    return leaves;
  }

  @Property(tries = 200)
  void everyProofVerifiesAndRoundTrips(@ForAll("nonceSets") List<Long> nonces) {
    WinnerTree t = WinnerTree.of(leavesOf(nonces));
    WinnerCommitment c = t.commitment();
    assertEquals(nonces.size(), c.count());
    for (int i = 0; i < t.size(); i++) {
      MerkleProof p = t.proof(i);
      assertTrue(p.verify(c, t.leaf(i)), "leaf " + i);
      assertTrue(p.verifyLeafHash(c, t.leaf(i).nonce(), t.leaf(i).hash()));
      assertEquals(Optional.of(p), MerkleProof.decode(p.encode()));
      assertTrue(p.siblings().size() <= 64 - Long.numberOfLeadingZeros(t.size() - 1));
    }
  }

  @Property(tries = 100)
  void anySingleBitFlipFails(@ForAll("nonceSets") List<Long> nonces, @ForAll Random random) {
    WinnerTree t = WinnerTree.of(leavesOf(nonces));
    WinnerCommitment c = t.commitment();
    int i = random.nextInt(t.size());
    WinnerLeaf leaf = t.leaf(i);
    byte[] proof = t.proof(i).encode();
    for (int bit = 0; bit < proof.length * 8; bit++) {
      byte[] flipped = proof.clone();
      flipped[bit / 8] ^= (byte) (1 << (bit % 8));
      Optional<MerkleProof> p = MerkleProof.decode(flipped);
      assertFalse(p.isPresent() && p.get().verify(c, leaf), "proof bit " + bit);
    }
    for (int bit = 0; bit < 64; bit++) {
      WinnerLeaf bad = new WinnerLeaf(leaf.nonce() ^ (1L << bit), leaf.digest());
      assertFalse(t.proof(i).verify(c, bad), "nonce bit " + bit);
    }
    for (int bit = 0; bit < 256; bit++) {
      byte[] d = leaf.digest();
      d[bit / 8] ^= (byte) (1 << (bit % 8));
      assertFalse(t.proof(i).verify(c, new WinnerLeaf(leaf.nonce(), d)), "digest bit " + bit);
      byte[] r = c.root();
      r[bit / 8] ^= (byte) (1 << (bit % 8));
      assertFalse(t.proof(i).verify(new WinnerCommitment(c.count(), r), leaf), "root bit " + bit);
    }
  }

  @Property(tries = 100)
  void rootIsIndependentOfInputOrder(
      @ForAll("nonceSets") List<Long> nonces, @ForAll Random random) {
    List<WinnerLeaf> leaves = leavesOf(nonces);
    WinnerCommitment sorted = WinnerTree.of(leaves).commitment();
    Collections.shuffle(leaves, random);
    assertEquals(sorted, WinnerTree.of(leaves).commitment());
  }

  @Property(tries = 100)
  void leavesComeOutSortedUnsigned(@ForAll("nonceSets") List<Long> nonces) {
    TreeSet<Long> expected = new TreeSet<>(Long::compareUnsigned);
    expected.addAll(nonces);
    List<Long> got =
        WinnerTree.of(leavesOf(nonces)).leaves().stream().map(WinnerLeaf::nonce).toList();
    assertEquals(List.copyOf(expected), got);
  }

  @Property(tries = 100)
  void duplicateNoncesAreRejected(@ForAll("nonceSets") List<Long> nonces, @ForAll Random random) {
    List<WinnerLeaf> leaves = leavesOf(nonces);
    WinnerLeaf copy = leaves.get(random.nextInt(leaves.size()));
    leaves.add(new WinnerLeaf(copy.nonce(), new byte[32]));
    assertThrows(IllegalArgumentException.class, () -> WinnerTree.of(leaves));
  }

  @Property(tries = 50)
  void aProofOpensOnlyItsOwnPosition(@ForAll("nonceSets") List<Long> nonces) {
    WinnerTree t = WinnerTree.of(leavesOf(nonces));
    WinnerCommitment c = t.commitment();
    for (int i = 0; i < t.size(); i++) {
      for (int j = 0; j < t.size(); j++) {
        boolean ok = t.proof(i).verify(c, t.leaf(j));
        assertEquals(i == j, ok);
      }
      assertArrayEquals(t.leaf(i).hash(), MerkleNode.leaf(t.leaf(i)).hash());
    }
  }
}
