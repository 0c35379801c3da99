package org.sprintchain.chain.state;

import java.nio.ByteBuffer;

/**
 * An account: its balance and the sequence its next transaction must carry. Both are unsigned
 * 64-bit on the wire; the genesis rule that total supply fits in int64 keeps every balance within
 * {@code [0, Long.MAX_VALUE]}, so plain signed arithmetic with overflow checks is exact.
 */
public record Account(long balance, long sequence) {
  public static final Account EMPTY = new Account(0, 0);
  static final int ENCODED_LENGTH = 16;

  public Account {
    if (balance < 0) {
      throw new IllegalArgumentException("balance must be non-negative: " + balance);
    }
  }

  /** Fixed 16 bytes: balance then sequence, big-endian. */
  public byte[] encode() {
    return ByteBuffer.allocate(ENCODED_LENGTH).putLong(balance).putLong(sequence).array();
  }

  static Account decode(byte[] bytes) {
    if (bytes.length != ENCODED_LENGTH) {
      throw new IllegalStateException("account record must be 16 bytes, got " + bytes.length);
    }
    ByteBuffer buf = ByteBuffer.wrap(bytes);
    return new Account(buf.getLong(), buf.getLong());
  }

  /**
   * This account with {@code amount} more.
   *
   * @throws ArithmeticException on overflow
   */
  public Account credit(long amount) {
    return new Account(Math.addExact(balance, amount), sequence);
  }

  /** This account with {@code amount} less; the caller has checked the balance covers it. */
  public Account debit(long amount) {
    return new Account(Math.subtractExact(balance, amount), sequence);
  }

  /**
   * This account with its sequence advanced by one.
   *
   * @throws ArithmeticException once the sequence would pass 2^63-1
   */
  public Account nextSequence() {
    return new Account(balance, Math.incrementExact(sequence));
  }
}
