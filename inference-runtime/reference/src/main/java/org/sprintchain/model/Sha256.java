package org.sprintchain.model;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 over concatenated parts; every JDK ships it, so a failure is a broken JVM. */
public final class Sha256 {
  private Sha256() {}

  /** SHA-256 of the concatenation of {@code parts}. */
  public static byte[] of(byte[]... parts) {
    MessageDigest digest = newDigest();
    for (byte[] part : parts) {
      digest.update(part);
    }
    return digest.digest();
  }

  /** SHA-256 of {@code values[off..off+len)} as little-endian int32s. */
  public static byte[] ofInts(int[] values, int off, int len) {
    MessageDigest digest = newDigest();
    int chunk = 4096;
    for (int start = 0; start < len; start += chunk) {
      int n = Math.min(chunk, len - start);
      digest.update(LittleEndian.ints(values, off + start, n));
    }
    return digest.digest();
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
