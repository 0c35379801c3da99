package org.sprintchain.chain.sprint;

import java.nio.ByteBuffer;
import org.sprintchain.chain.crypto.Address;

/**
 * A registered worker: {@code consensus_key 32 ‖ deposit u64 ‖ jailed_through i64 ‖ last_work u64 ‖
 * registered_epoch u64}.
 *
 * @param consensusKey the ed25519 key its node signs blocks with; its voting power goes here
 * @param deposit tokens escrowed by registration, reduced by slashing
 * @param jailedThrough the last epoch it sits out; -1 when it was never jailed
 * @param lastWork verified work of the last settled epoch it took part in (auditor weight)
 * @param registeredEpoch the epoch of registration
 */
public record WorkerRecord(
    byte[] consensusKey, long deposit, long jailedThrough, long lastWork, long registeredEpoch) {
  static final int LENGTH = 32 + 8 * 4;

  public WorkerRecord {
    consensusKey = consensusKey.clone();
  }

  @Override
  public byte[] consensusKey() {
    return consensusKey.clone();
  }

  /** The CometBFT validator address of the consensus key (also an account address). */
  public Address consensusAddress() {
    return Address.fromPublicKey(consensusKey);
  }

  public WorkerRecord withDeposit(long newDeposit) {
    return new WorkerRecord(consensusKey, newDeposit, jailedThrough, lastWork, registeredEpoch);
  }

  public WorkerRecord withJailedThrough(long epoch) {
    return new WorkerRecord(consensusKey, deposit, epoch, lastWork, registeredEpoch);
  }

  public WorkerRecord withLastWork(long work) {
    return new WorkerRecord(consensusKey, deposit, jailedThrough, work, registeredEpoch);
  }

  byte[] encode() {
    return ByteBuffer.allocate(LENGTH)
        .put(consensusKey)
        .putLong(deposit)
        .putLong(jailedThrough)
        .putLong(lastWork)
        .putLong(registeredEpoch)
        .array();
  }

  static WorkerRecord decode(byte[] bytes) {
    if (bytes.length != LENGTH) {
      throw new IllegalStateException("worker record of " + bytes.length + " bytes");
    }
    ByteBuffer in = ByteBuffer.wrap(bytes);
    byte[] key = new byte[32];
    in.get(key);
    return new WorkerRecord(key, in.getLong(), in.getLong(), in.getLong(), in.getLong());
  }
}
