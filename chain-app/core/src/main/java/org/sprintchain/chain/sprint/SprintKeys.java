package org.sprintchain.chain.sprint;

import java.nio.ByteBuffer;
import org.sprintchain.chain.crypto.Address;

/**
 * The byte layout of sprint state, next to chain-core's {@code 0x01}–{@code 0x03} (see {@code
 * StateKeys}). Prefixes are stable and never reused; all integers are u64 big-endian, addresses 20
 * bytes, consensus keys 32 bytes. Values are described by the record types that encode them.
 *
 * <pre>
 *   0x10 ‖ operator                          WorkerRecord
 *   0x11 ‖ epoch ‖ operator                  commitment: count u64 ‖ root 32
 *   0x12 ‖ epoch ‖ operator ‖ index          opening: nonce u64 ‖ leaf_hash 32
 *   0x13 ‖ epoch ‖ operator ‖ auditor ‖ index  audit report 32
 *   0x14 ‖ epoch ‖ operator ‖ index          published digest 32
 *   0x15 ‖ dispute id                        DisputeRecord
 *   0x16 ‖ epoch                             EpochRecord
 *   0x17                                     sprint params (canonical JSON)
 *   0x18 ‖ epoch                             fee pot u64
 *   0x19                                     ValidatorSet (the set CometBFT runs with)
 *   0x1A ‖ consensus key                     operator address owning that key
 *   0x1B                                     WorkerList (every registered operator, sorted)
 *   0x1C ‖ epoch ‖ operator                  WorkerEpochResult
 *   0x1D                                     DisputeIndex (next id, open ids)
 * </pre>
 */
public final class SprintKeys {
  static final byte WORKER = 0x10;
  static final byte COMMITMENT = 0x11;
  static final byte OPENING = 0x12;
  static final byte REPORT = 0x13;
  static final byte DIGEST = 0x14;
  static final byte DISPUTE = 0x15;
  static final byte EPOCH = 0x16;
  static final byte PARAMS = 0x17;
  static final byte FEE_POT = 0x18;
  static final byte VALIDATORS = 0x19;
  static final byte CONSENSUS_KEY = 0x1A;
  static final byte WORKER_LIST = 0x1B;
  static final byte RESULT = 0x1C;
  static final byte DISPUTE_INDEX = 0x1D;

  private SprintKeys() {}

  public static byte[] worker(Address operator) {
    return key(WORKER).put(operator.toBytes()).array();
  }

  static byte[] commitment(long epoch, Address operator) {
    return key(COMMITMENT, 8 + 20).putLong(epoch).put(operator.toBytes()).array();
  }

  static byte[] opening(long epoch, Address operator, long index) {
    return key(OPENING, 8 + 20 + 8).putLong(epoch).put(operator.toBytes()).putLong(index).array();
  }

  static byte[] report(long epoch, Address operator, Address auditor, long index) {
    return key(REPORT, 8 + 20 + 20 + 8)
        .putLong(epoch)
        .put(operator.toBytes())
        .put(auditor.toBytes())
        .putLong(index)
        .array();
  }

  static byte[] digest(long epoch, Address operator, long index) {
    return key(DIGEST, 8 + 20 + 8).putLong(epoch).put(operator.toBytes()).putLong(index).array();
  }

  static byte[] dispute(long id) {
    return key(DISPUTE, 8).putLong(id).array();
  }

  static byte[] epoch(long epoch) {
    return key(EPOCH, 8).putLong(epoch).array();
  }

  static byte[] params() {
    return new byte[] {PARAMS};
  }

  static byte[] feePot(long epoch) {
    return key(FEE_POT, 8).putLong(epoch).array();
  }

  static byte[] validators() {
    return new byte[] {VALIDATORS};
  }

  static byte[] consensusKey(byte[] pubKey) {
    return key(CONSENSUS_KEY, pubKey.length).put(pubKey).array();
  }

  static byte[] workerList() {
    return new byte[] {WORKER_LIST};
  }

  static byte[] result(long epoch, Address operator) {
    return key(RESULT, 8 + 20).putLong(epoch).put(operator.toBytes()).array();
  }

  static byte[] disputeIndex() {
    return new byte[] {DISPUTE_INDEX};
  }

  private static ByteBuffer key(byte prefix) {
    return key(prefix, Address.LENGTH);
  }

  private static ByteBuffer key(byte prefix, int rest) {
    return ByteBuffer.allocate(1 + rest).put(prefix);
  }
}
