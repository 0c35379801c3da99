package org.sprintchain.store.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sprintchain.store.Proof;
import org.sprintchain.store.ProofVerifier;
import org.sprintchain.store.WriteSet;
import org.sprintchain.store.merkle.MerkleHashing;

/** The proof byte format: layout, size, and strict decoding. */
class ProofEncodingTest {

  @Test
  void layoutFollowsTheDocumentedFormat() {
    byte[] s1 = filled(1);
    byte[] s3 = filled(3);
    Proof proof = Proof.membership(List.of(s1, new byte[32], s3));
    byte[] bytes = proof.encode();
    // kind, depth 3, bitmap 101xxxxx, two siblings
    assertEquals(1 + 2 + 1 + 64, bytes.length);
    assertEquals(1, bytes[0]);
    assertEquals(3, ByteBuffer.wrap(bytes, 1, 2).getShort());
    assertEquals((byte) 0b1010_0000, bytes[3]);
    assertArrayEquals(s1, Arrays.copyOfRange(bytes, 4, 36));
    assertArrayEquals(s3, Arrays.copyOfRange(bytes, 36, 68));
    Proof decoded = Proof.decode(bytes);
    assertArrayEquals(new byte[32], decoded.sibling(1));
    assertArrayEquals(bytes, decoded.encode());
  }

  @Test
  void absenceProofsCarryTheKeyHashAndTheOtherLeaf() {
    byte[] k = filled(7);
    assertEquals(3 + 32, Proof.absentEmpty(k, List.of()).encode().length);
    assertEquals(3 + 96, Proof.absentOtherLeaf(k, filled(8), filled(9), List.of()).encode().length);
  }

  @Test
  void nonCanonicalOrTruncatedBytesAreRejected() {
    byte[] good = Proof.membership(List.of(filled(1), new byte[32], filled(3))).encode();
    assertThrows(
        IllegalArgumentException.class, () -> Proof.decode(Arrays.copyOf(good, good.length + 1)));
    assertThrows(
        IllegalArgumentException.class, () -> Proof.decode(Arrays.copyOf(good, good.length - 1)));
    byte[] strayBit = good.clone();
    strayBit[3] |= 0x01;
    assertThrows(IllegalArgumentException.class, () -> Proof.decode(strayBit));
    byte[] unknownKind = good.clone();
    unknownKind[0] = 9;
    assertThrows(IllegalArgumentException.class, () -> Proof.decode(unknownKind));
    byte[] tooDeep = ByteBuffer.allocate(3).put((byte) 1).putShort((short) 257).array();
    assertThrows(IllegalArgumentException.class, () -> Proof.decode(tooDeep));
    byte[] spelledOutEmpty =
        ByteBuffer.allocate(3 + 1 + 32).put((byte) 1).putShort((short) 1).put((byte) 0x80).array();
    assertThrows(IllegalArgumentException.class, () -> Proof.decode(spelledOutEmpty));
    assertFalse(ProofVerifier.verify(new byte[0], new byte[] {1}, Optional.empty(), new byte[32]));
  }

  @Test
  void emptyStoreProvesAbsenceWithDepthZero() {
    try (InMemoryStateStore store = InMemoryStateStore.create()) {
      Proof proof = store.prove(new byte[] {42}, 0);
      assertEquals(Proof.Kind.ABSENT_EMPTY, proof.kind());
      assertEquals(0, proof.depth());
      assertTrue(
          ProofVerifier.verify(
              proof.encode(), new byte[] {42}, Optional.empty(), MerkleHashing.emptyRoot()));
    }
  }

  @Test
  void proofsStayCompactInABigTree() {
    try (InMemoryStateStore store = InMemoryStateStore.create()) {
      WriteSet w = new WriteSet();
      for (int i = 0; i < 20_000; i++) {
        w.put(ByteBuffer.allocate(4).putInt(i).array(), new byte[32]);
      }
      store.commit(store.prepare(w));
      for (int i = 0; i < 200; i++) {
        byte[] key = ByteBuffer.allocate(4).putInt(i * 97).array();
        byte[] proof = store.prove(key, 1).encode();
        // log2(20k) is about 14.3 levels of 32 bytes, plus header and a few deeper levels
        assertTrue(proof.length < 700, "proof of " + proof.length + " bytes");
        assertTrue(ProofVerifier.verify(proof, key, Optional.of(new byte[32]), store.rootHash()));
      }
    }
  }

  private static byte[] filled(int b) {
    byte[] out = new byte[32];
    Arrays.fill(out, (byte) b);
    return out;
  }
}
