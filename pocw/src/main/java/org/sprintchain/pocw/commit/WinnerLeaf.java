package org.sprintchain.pocw.commit;

import java.util.Arrays;
import java.util.HexFormat;
import org.sprintchain.pocw.hash.BigEndian;
import org.sprintchain.pocw.hash.Sha256;

/**
 * One winning nonce and its digest, a leaf of the worker's commitment. The nonce is an unsigned
 * 64-bit integer (Java {@code long} read unsigned); the digest is the 32-byte SHA-256 the model
 * produced for (seed, worker key, nonce).
 *
 * <p>Leaf hash: {@code SHA-256(0x00 ‖ u64be(nonce) ‖ digest)}. The 0x00 prefix keeps a leaf from
 * ever being read as an inner node (prefix 0x01), and the leaf's interval is {@code [nonce,
 * nonce]}.
 *
 * @param nonce the nonce (unsigned)
 * @param digest the model's 32-byte output digest
 */
public record WinnerLeaf(long nonce, byte[] digest) {
  /** Domain byte of a leaf hash. */
  public static final byte LEAF_PREFIX = 0x00;

  /** Copies and checks the digest length. */
  public WinnerLeaf {
    if (digest.length != Sha256.LENGTH) {
      throw new IllegalArgumentException("digest: " + digest.length + " bytes, not 32");
    }
    digest = digest.clone();
  }

  /** A copy of the digest. */
  @Override
  public byte[] digest() {
    return digest.clone();
  }

  /** The leaf hash. */
  public byte[] hash() {
    return hashOf(nonce, digest);
  }

  /** {@code SHA-256(0x00 ‖ u64be(nonce) ‖ digest)}. */
  public static byte[] hashOf(long nonce, byte[] digest) {
    return Sha256.of(new byte[] {LEAF_PREFIX}, BigEndian.u64(nonce), digest);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WinnerLeaf other
        && nonce == other.nonce
        && Arrays.equals(digest, other.digest);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(nonce) * 31 + Arrays.hashCode(digest);
  }

  @Override
  public String toString() {
    return "WinnerLeaf["
        + Long.toUnsignedString(nonce)
        + ", "
        + HexFormat.of().formatHex(digest)
        + "]";
  }
}
