package org.sprintchain.pocw;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * The identity of a sprint worker as this module sees it: opaque bytes (the chain app passes the
 * worker's 20-byte address, or its 32-byte ed25519 consensus key where CometBFT needs the key).
 * Ordered by unsigned lexicographic comparison, which is the canonical order of every per-worker
 * list and map in this module, so no result depends on the order the caller supplies workers in.
 */
public final class WorkerId implements Comparable<WorkerId> {
  /** The longest id accepted; longer ones are a caller bug. */
  public static final int MAX_LENGTH = 64;

  private final byte[] bytes;

  private WorkerId(byte[] bytes) {
    this.bytes = bytes;
  }

  /** An id of 1 to 64 bytes. */
  public static WorkerId of(byte[] bytes) {
    if (bytes.length < 1 || bytes.length > MAX_LENGTH) {
      throw new IllegalArgumentException("worker id: " + bytes.length + " bytes, not 1..64");
    }
    return new WorkerId(bytes.clone());
  }

  /** An id from hex. */
  public static WorkerId ofHex(String hex) {
    return of(HexFormat.of().parseHex(hex));
  }

  /** A copy of the bytes. */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** One length byte then the bytes: an unambiguous encoding inside hash preimages. */
  public byte[] lengthPrefixed() {
    byte[] out = new byte[bytes.length + 1];
    out[0] = (byte) bytes.length;
    System.arraycopy(bytes, 0, out, 1, bytes.length);
    return out;
  }

  /** Lower-case hex. */
  public String hex() {
    return HexFormat.of().formatHex(bytes);
  }

  @Override
  public int compareTo(WorkerId o) {
    return Arrays.compareUnsigned(bytes, o.bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WorkerId other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return hex();
  }
}
