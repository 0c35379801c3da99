package org.sprintchain.pocw.hash;

import java.nio.charset.StandardCharsets;

/**
 * A deterministic stream of unsigned 64-bit words in SHA-256 counter mode: block {@code j} is
 * {@code SHA-256(domain ‖ 0x00 ‖ context ‖ u64be(j))}, j = 0, 1, 2, ..., and each block yields four
 * words read big-endian in order. The context is fixed at construction (for example seed ‖ worker
 * address); anyone holding it replays the same stream, and nobody can steer it without steering the
 * seed.
 *
 * <p>{@link #below(long)} draws uniformly from {@code [0, bound)} by rejection: a word {@code x} is
 * accepted only when {@code x < 2^64 - (2^64 mod bound)}, the largest multiple of {@code bound} not
 * above 2^64, and then mapped to {@code x mod bound}. Every residue has exactly {@code floor(2^64 /
 * bound)} preimages among the accepted words, so there is no modulo bias; a word is rejected with
 * probability below {@code bound / 2^64}.
 */
public final class HashStream {
  private final byte[] prefix;
  private long counter;
  private byte[] block = new byte[0];
  private int offset;

  /** A stream for {@code domain} (ASCII, no NUL) and context bytes. */
  public HashStream(String domain, byte[]... context) {
    byte[] d = domain.getBytes(StandardCharsets.US_ASCII);
    int len = d.length + 1;
    for (byte[] c : context) {
      len += c.length;
    }
    prefix = new byte[len];
    System.arraycopy(d, 0, prefix, 0, d.length);
    int at = d.length + 1;
    for (byte[] c : context) {
      System.arraycopy(c, 0, prefix, at, c.length);
      at += c.length;
    }
  }

  /** The next unsigned 64-bit word. */
  public long nextWord() {
    if (offset == block.length) {
      block = Sha256.of(prefix, BigEndian.u64(counter++));
      offset = 0;
    }
    long word = BigEndian.readU64(block, offset);
    offset += 8;
    return word;
  }

  /** A uniform draw from {@code [0, bound)}, {@code bound >= 1}, without modulo bias. */
  public long below(long bound) {
    if (bound < 1) {
      throw new IllegalArgumentException("bound " + bound + " < 1");
    }
    // 2^64 mod bound, computed in unsigned arithmetic as (2^64 - bound) mod bound.
    long rejectFrom = -Long.remainderUnsigned(-bound, bound);
    while (true) {
      long x = nextWord();
      if (rejectFrom == 0 || Long.compareUnsigned(x, rejectFrom) < 0) {
        return Long.remainderUnsigned(x, bound);
      }
    }
  }

  /** Words drawn so far (for tests and cost accounting). */
  public long blocksHashed() {
    return counter;
  }
}
