package org.sprintchain.model;

import java.util.HexFormat;

/**
 * One scored nonce.
 *
 * @param nonce the nonce
 * @param digest SHA-256 of the pooled model output, 32 bytes
 */
public record NonceDigest(long nonce, byte[] digest) {
  /** The digest in lower-case hex. */
  public String digestHex() {
    return HexFormat.of().formatHex(digest);
  }

  /** True when this nonce wins against {@code target}; see {@link WinCondition}. */
  public boolean wins(byte[] target) {
    return WinCondition.wins(digest, target);
  }

  @Override
  public String toString() {
    return "NonceDigest[" + nonce + ", " + digestHex() + "]";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NonceDigest other
        && nonce == other.nonce
        && java.util.Arrays.equals(digest, other.digest);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(nonce) * 31 + java.util.Arrays.hashCode(digest);
  }
}
