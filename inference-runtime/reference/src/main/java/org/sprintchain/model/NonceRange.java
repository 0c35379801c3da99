package org.sprintchain.model;

/**
 * Nonces [first, first + count).
 *
 * @param first the first nonce, >= 0
 * @param count how many, >= 0, with first + count not overflowing
 */
public record NonceRange(long first, long count) {
  /** Validates the bounds. */
  public NonceRange {
    if (first < 0 || count < 0 || first > Long.MAX_VALUE - count) {
      throw new IllegalArgumentException("bad nonce range " + first + " + " + count);
    }
  }

  /** One past the last nonce. */
  public long end() {
    return first + count;
  }
}
