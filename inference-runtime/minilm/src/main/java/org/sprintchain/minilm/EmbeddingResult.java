package org.sprintchain.minilm;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * A sentence embedding in fixed point: component i is {@code fixedPoint[i] / 2^scaleShift}. The
 * digest is SHA-256 over the components as little-endian int32, which is what an inference receipt
 * commits to and what an auditor recomputes.
 *
 * @param fixedPoint the embedding, one int per dimension
 * @param scaleShift binary point: 24 for the mean-pooled vector, 30 for the L2-normalised one
 * @param tokenIds the model input, {@code [CLS] … [SEP]}
 * @param digest SHA-256 of {@code le32(fixedPoint[0]) || … || le32(fixedPoint[n-1])}
 */
public record EmbeddingResult(int[] fixedPoint, int scaleShift, int[] tokenIds, byte[] digest) {
  public EmbeddingResult {
    fixedPoint = fixedPoint.clone();
    tokenIds = tokenIds.clone();
    digest = digest.clone();
  }

  /** Builds the result and its digest. */
  static EmbeddingResult of(int[] fixedPoint, int scaleShift, int[] tokenIds) {
    return new EmbeddingResult(fixedPoint, scaleShift, tokenIds, sha256(littleEndian(fixedPoint)));
  }

  @Override
  public int[] fixedPoint() {
    return fixedPoint.clone();
  }

  @Override
  public int[] tokenIds() {
    return tokenIds.clone();
  }

  @Override
  public byte[] digest() {
    return digest.clone();
  }

  /** The digest as lower-case hex. */
  public String digestHex() {
    return java.util.HexFormat.of().formatHex(digest);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EmbeddingResult r
        && scaleShift == r.scaleShift
        && Arrays.equals(fixedPoint, r.fixedPoint)
        && Arrays.equals(tokenIds, r.tokenIds)
        && Arrays.equals(digest, r.digest);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(digest);
  }

  @Override
  public String toString() {
    return "EmbeddingResult[dims="
        + fixedPoint.length
        + ", scaleShift="
        + scaleShift
        + ", tokens="
        + tokenIds.length
        + ", digest="
        + digestHex()
        + "]";
  }

  static byte[] littleEndian(int[] values) {
    byte[] out = new byte[values.length * 4];
    for (int i = 0; i < values.length; i++) {
      out[4 * i] = (byte) values[i];
      out[4 * i + 1] = (byte) (values[i] >>> 8);
      out[4 * i + 2] = (byte) (values[i] >>> 16);
      out[4 * i + 3] = (byte) (values[i] >>> 24);
    }
    return out;
  }

  static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
