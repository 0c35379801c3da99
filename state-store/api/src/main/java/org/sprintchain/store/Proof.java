package org.sprintchain.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Merkle proof that a key has a given value, or has none, under a root hash. Check it with {@link
 * ProofVerifier}; move it with {@link #encode()} and {@link #decode(byte[])} (format in {@link
 * ProofCodec} and the module README).
 *
 * <p>Siblings run from the root down to the proof's terminal node; an empty sibling is the 32-byte
 * zero hash. The terminal is the key's own leaf (membership), an empty subtree on the key's path,
 * or another key's leaf sitting alone on that path (both non-membership).
 */
public final class Proof {
  /** What the proof ends in; the code is the first byte of the encoding. */
  public enum Kind {
    MEMBERSHIP(1),
    ABSENT_EMPTY(2),
    ABSENT_OTHER_LEAF(3);

    final int code;

    Kind(int code) {
      this.code = code;
    }
  }

  private final Kind kind;
  private final List<byte[]> siblings;
  private final byte[] keyHash;
  private final byte[] otherKeyHash;
  private final byte[] otherValueHash;

  Proof(
      Kind kind,
      List<byte[]> siblings,
      byte[] keyHash,
      byte[] otherKeyHash,
      byte[] otherValueHash) {
    List<byte[]> copy = new ArrayList<>(siblings.size());
    for (byte[] s : siblings) {
      copy.add(requireHash(s).clone());
    }
    this.kind = kind;
    this.siblings = copy;
    this.keyHash = keyHash == null ? null : requireHash(keyHash).clone();
    this.otherKeyHash = otherKeyHash == null ? null : requireHash(otherKeyHash).clone();
    this.otherValueHash = otherValueHash == null ? null : requireHash(otherValueHash).clone();
  }

  public static Proof membership(List<byte[]> siblings) {
    return new Proof(Kind.MEMBERSHIP, siblings, null, null, null);
  }

  public static Proof absentEmpty(byte[] keyHash, List<byte[]> siblings) {
    return new Proof(Kind.ABSENT_EMPTY, siblings, keyHash, null, null);
  }

  public static Proof absentOtherLeaf(
      byte[] keyHash, byte[] otherKeyHash, byte[] otherValueHash, List<byte[]> siblings) {
    return new Proof(Kind.ABSENT_OTHER_LEAF, siblings, keyHash, otherKeyHash, otherValueHash);
  }

  public Kind kind() {
    return kind;
  }

  public boolean isMembership() {
    return kind == Kind.MEMBERSHIP;
  }

  /** Depth of the terminal node, which is the number of siblings. */
  public int depth() {
    return siblings.size();
  }

  /** Sibling hash at {@code level} (0 = just below the root). */
  public byte[] sibling(int level) {
    return siblings.get(level).clone();
  }

  /** The key hash a non-membership proof speaks about; empty for membership proofs. */
  public Optional<byte[]> absentKeyHash() {
    return Optional.ofNullable(keyHash).map(byte[]::clone);
  }

  /** The key hash of the leaf a non-membership proof ends in, when it ends in one. */
  public Optional<byte[]> otherKeyHash() {
    return Optional.ofNullable(otherKeyHash).map(byte[]::clone);
  }

  public Optional<byte[]> otherValueHash() {
    return Optional.ofNullable(otherValueHash).map(byte[]::clone);
  }

  public byte[] encode() {
    return ProofCodec.encode(this);
  }

  /**
   * @throws IllegalArgumentException when the bytes are not a canonical proof encoding
   */
  public static Proof decode(byte[] bytes) {
    return ProofCodec.decode(bytes);
  }

  private static byte[] requireHash(byte[] hash) {
    if (hash == null || hash.length != 32) {
      throw new IllegalArgumentException("proof hashes must be 32 bytes");
    }
    return hash;
  }

  @Override
  public String toString() {
    return "Proof{" + kind + ", depth=" + depth() + "}";
  }
}
