package org.sprintchain.chain.inference;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.sprintchain.chain.crypto.Address;

/**
 * The byte layout of the inference market, next to the sprint's {@code 0x10}–{@code 0x1D}. Prefixes
 * are stable and never reused; integers are u64 big-endian.
 *
 * <pre>
 *   0x20                 params (canonical JSON)
 *   0x21 ‖ model_id      ModelEntry
 *   0x22 ‖ job id        JobRecord
 *   0x23                 job index: next id ‖ open job ids
 *   0x24 ‖ worker        WorkerStats: done ‖ timeouts ‖ frauds ‖ false_verdicts
 *   0x25                 model list: (len u8 ‖ model_id)* sorted
 *   0x26                 dispute queue: job ids awaiting re-execution, ascending
 *   0x27                 ledger: escrowed ‖ burned
 * </pre>
 */
final class InferenceKeys {
  static final byte PARAMS = 0x20;
  static final byte MODEL = 0x21;
  static final byte JOB = 0x22;
  static final byte JOB_INDEX = 0x23;
  static final byte STATS = 0x24;
  static final byte MODEL_LIST = 0x25;
  static final byte DISPUTE_QUEUE = 0x26;
  static final byte LEDGER = 0x27;

  private InferenceKeys() {}

  static byte[] params() {
    return new byte[] {PARAMS};
  }

  static byte[] model(String modelId) {
    byte[] id = modelId.getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(1 + id.length).put(MODEL).put(id).array();
  }

  static byte[] job(long id) {
    return ByteBuffer.allocate(9).put(JOB).putLong(id).array();
  }

  static byte[] jobIndex() {
    return new byte[] {JOB_INDEX};
  }

  static byte[] stats(Address worker) {
    return ByteBuffer.allocate(1 + Address.LENGTH).put(STATS).put(worker.toBytes()).array();
  }

  static byte[] modelList() {
    return new byte[] {MODEL_LIST};
  }

  static byte[] disputeQueue() {
    return new byte[] {DISPUTE_QUEUE};
  }

  static byte[] ledger() {
    return new byte[] {LEDGER};
  }
}
