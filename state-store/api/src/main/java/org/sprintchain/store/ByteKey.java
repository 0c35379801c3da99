package org.sprintchain.store;

import java.util.Arrays;
import java.util.HexFormat;

/** An immutable byte string ordered by unsigned lexicographic comparison. */
public final class ByteKey implements Comparable<ByteKey> {
  private final byte[] bytes;

  private ByteKey(byte[] bytes) {
    this.bytes = bytes;
  }

  public static ByteKey of(byte[] bytes) {
    if (bytes == null) {
      throw new IllegalArgumentException("key must not be null");
    }
    return new ByteKey(bytes.clone());
  }

  public byte[] toByteArray() {
    return bytes.clone();
  }

  public int length() {
    return bytes.length;
  }

  public boolean startsWith(byte[] prefix) {
    return bytes.length >= prefix.length
        && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
  }

  @Override
  public int compareTo(ByteKey other) {
    return Arrays.compareUnsigned(bytes, other.bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ByteKey other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return HexFormat.of().formatHex(bytes);
  }
}
