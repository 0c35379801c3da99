package org.sprintchain.chain.sprint;

import java.nio.ByteBuffer;
import org.sprintchain.pocw.audit.AuditOutcome;

/**
 * What settlement (or a later dispute verdict) decided for one worker in one epoch: {@code outcome
 * u8 (AuditOutcome ordinal, 255 = held by an open dispute) ‖ count u64 ‖ work u64 ‖ power u64 ‖
 * reward u64 ‖ slashed u64 ‖ jailed_through i64}.
 */
public record WorkerEpochResult(
    AuditOutcome outcome,
    boolean held,
    long count,
    long work,
    long power,
    long reward,
    long slashed,
    long jailedThrough) {
  static final int LENGTH = 1 + 8 * 6;

  byte[] encode() {
    return ByteBuffer.allocate(LENGTH)
        .put(held ? (byte) 255 : (byte) outcome.ordinal())
        .putLong(count)
        .putLong(work)
        .putLong(power)
        .putLong(reward)
        .putLong(slashed)
        .putLong(jailedThrough)
        .array();
  }

  static WorkerEpochResult decode(byte[] bytes) {
    if (bytes.length != LENGTH) {
      throw new IllegalStateException("worker epoch result of " + bytes.length + " bytes");
    }
    ByteBuffer in = ByteBuffer.wrap(bytes);
    int tag = in.get() & 0xff;
    boolean held = tag == 255;
    AuditOutcome outcome = held ? AuditOutcome.PASSED : AuditOutcome.values()[tag];
    return new WorkerEpochResult(
        outcome,
        held,
        in.getLong(),
        in.getLong(),
        in.getLong(),
        in.getLong(),
        in.getLong(),
        in.getLong());
  }

  /** The name shown in queries and events: the outcome, or HELD while a dispute is open. */
  public String label() {
    return held ? "HELD" : outcome.name();
  }
}
