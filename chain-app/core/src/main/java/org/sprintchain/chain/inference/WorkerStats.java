package org.sprintchain.chain.inference;

import java.nio.ByteBuffer;

/**
 * A worker's inference record ({@code 0x24 ‖ worker}): jobs done, timeouts, proven frauds as
 * executor, and verdicts proven false as auditor. Any timeout or fraud raises its audit rate.
 */
public record WorkerStats(long done, long timeouts, long frauds, long falseVerdicts) {
  public static final WorkerStats NONE = new WorkerStats(0, 0, 0, 0);

  /** True when jobs of this executor are audited at {@code bad_history_audit_rate_bps}. */
  public boolean badHistory() {
    return timeouts > 0 || frauds > 0;
  }

  WorkerStats plusDone() {
    return new WorkerStats(done + 1, timeouts, frauds, falseVerdicts);
  }

  WorkerStats plusTimeout() {
    return new WorkerStats(done, timeouts + 1, frauds, falseVerdicts);
  }

  WorkerStats plusFraud() {
    return new WorkerStats(done, timeouts, frauds + 1, falseVerdicts);
  }

  WorkerStats plusFalseVerdict() {
    return new WorkerStats(done, timeouts, frauds, falseVerdicts + 1);
  }

  byte[] encode() {
    return ByteBuffer.allocate(32)
        .putLong(done)
        .putLong(timeouts)
        .putLong(frauds)
        .putLong(falseVerdicts)
        .array();
  }

  static WorkerStats decode(byte[] b) {
    ByteBuffer in = ByteBuffer.wrap(b);
    return new WorkerStats(in.getLong(), in.getLong(), in.getLong(), in.getLong());
  }
}
