package org.sprintchain.store;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;
import org.sprintchain.store.merkle.MerkleHashing;

/**
 * Checks a {@link Proof} against a root hash with nothing but the proof, the key, the claimed value
 * (or its absence) and the root. Stateless and dependency-free so light clients can copy it.
 */
public final class ProofVerifier {
  private ProofVerifier() {}

  /** Decodes and verifies; malformed bytes simply fail verification. */
  public static boolean verify(byte[] proofBytes, byte[] key, Optional<byte[]> value, byte[] root) {
    Proof proof;
    try {
      proof = Proof.decode(proofBytes);
    } catch (IllegalArgumentException malformed) {
      return false;
    }
    return verify(proof, key, value, root);
  }

  /**
   * True when {@code proof} shows that, under {@code root}, {@code key} maps to {@code value} (when
   * present) or to nothing (when empty).
   */
  public static boolean verify(Proof proof, byte[] key, Optional<byte[]> value, byte[] root) {
    if (root == null || root.length != MerkleHashing.HASH_BYTES) {
      return false;
    }
    byte[] keyHash = MerkleHashing.keyHash(key);
    byte[] terminal;
    switch (proof.kind()) {
      case MEMBERSHIP -> {
        if (value.isEmpty()) {
          return false;
        }
        terminal = MerkleHashing.leafHash(keyHash, MerkleHashing.valueHash(value.get()));
      }
      case ABSENT_EMPTY -> {
        if (value.isPresent() || !Arrays.equals(keyHash, proof.absentKeyHash().orElseThrow())) {
          return false;
        }
        terminal = MerkleHashing.emptyRoot();
      }
      case ABSENT_OTHER_LEAF -> {
        byte[] other = proof.otherKeyHash().orElseThrow();
        // The other leaf must sit alone on the key's own path, and be a different key.
        if (value.isPresent()
            || !Arrays.equals(keyHash, proof.absentKeyHash().orElseThrow())
            || Arrays.equals(keyHash, other)
            || !MerkleHashing.samePrefix(keyHash, other, proof.depth())) {
          return false;
        }
        terminal = MerkleHashing.leafHash(other, proof.otherValueHash().orElseThrow());
      }
      default -> throw new IllegalStateException("unhandled proof kind " + proof.kind());
    }
    return MessageDigest.isEqual(rootFrom(proof, keyHash, terminal), root);
  }

  private static byte[] rootFrom(Proof proof, byte[] keyHash, byte[] terminal) {
    byte[] hash = terminal;
    for (int level = proof.depth() - 1; level >= 0; level--) {
      byte[] sibling = proof.sibling(level);
      hash =
          MerkleHashing.bit(keyHash, level)
              ? MerkleHashing.internalHash(sibling, hash)
              : MerkleHashing.internalHash(hash, sibling);
    }
    return hash;
  }
}
