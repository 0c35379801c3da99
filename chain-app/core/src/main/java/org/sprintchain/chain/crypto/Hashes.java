package org.sprintchain.chain.crypto;

import org.bouncycastle.crypto.digests.SHA256Digest;

/** SHA-256, the one hash of the chain (tx hashes, addresses, app hash). */
public final class Hashes {
  public static final int SHA256_LENGTH = 32;

  private Hashes() {}

  public static byte[] sha256(byte[] data) {
    return sha256(data, 0, data.length);
  }

  public static byte[] sha256(byte[] data, int offset, int length) {
    SHA256Digest digest = new SHA256Digest();
    digest.update(data, offset, length);
    byte[] out = new byte[SHA256_LENGTH];
    digest.doFinal(out, 0);
    return out;
  }
}
