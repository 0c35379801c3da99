package org.sprintchain.chain.sprint;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;
import org.sprintchain.chain.crypto.Address;

/**
 * What the chain knows about one sprint epoch. Seeds are block hashes, learned from {@code
 * RequestFinalizeBlock.hash} at their heights; an unknown one is empty.
 *
 * <p>Encoding: {@code seed 32 ‖ audit_seed 32 ‖ audit_seed_proposer 20 ‖ alt_audit_seed 32 ‖ status
 * u8 ‖ passed u32 ‖ emission u64 ‖ paid u64}, with all-zero bytes for an unknown field.
 *
 * @param seed the hash of the block that opened the sprint (model weights and inputs)
 * @param auditSeed the hash of the first block after the commit deadline
 * @param auditSeedProposer who proposed that block
 * @param altAuditSeed the hash of the block after it, the seed of that proposer's own sample
 * @param status OPEN until settled
 * @param passed workers that passed at settlement
 * @param emission tokens minted at settlement
 * @param paid emission plus fees paid out at settlement
 */
public record EpochRecord(
    byte[] seed,
    byte[] auditSeed,
    byte[] auditSeedProposer,
    byte[] altAuditSeed,
    Status status,
    int passed,
    long emission,
    long paid) {
  static final int LENGTH = 32 + 32 + 20 + 32 + 1 + 4 + 8 + 8;
  private static final byte[] NO_HASH = new byte[32];

  /** Where an epoch stands. */
  public enum Status {
    OPEN,
    /** Settled, and its powers replaced the validator set. */
    SETTLED,
    /** Settled, but fewer than min_workers passed: the previous set stays. */
    FAILED
  }

  public EpochRecord {
    seed = seed.clone();
    auditSeed = auditSeed.clone();
    auditSeedProposer = auditSeedProposer.clone();
    altAuditSeed = altAuditSeed.clone();
  }

  static EpochRecord opened(byte[] seed) {
    return new EpochRecord(seed, NO_HASH, new byte[20], NO_HASH, Status.OPEN, 0, 0, 0);
  }

  EpochRecord withAuditSeed(byte[] hash, Address proposer) {
    return new EpochRecord(
        seed, hash, proposer.toBytes(), altAuditSeed, status, passed, emission, paid);
  }

  EpochRecord withAltAuditSeed(byte[] hash) {
    return new EpochRecord(
        seed, auditSeed, auditSeedProposer, hash, status, passed, emission, paid);
  }

  EpochRecord settled(Status newStatus, int passedCount, long minted, long paidOut) {
    return new EpochRecord(
        seed, auditSeed, auditSeedProposer, altAuditSeed, newStatus, passedCount, minted, paidOut);
  }

  /**
   * The audit seed of the worker whose consensus key has {@code consensusAddress}: the audit seed
   * block's hash, or, when that worker proposed that block (and so could have ground it), the next
   * block's hash. Empty until the needed block is known.
   */
  public Optional<byte[]> auditSeedFor(Address consensusAddress) {
    if (Arrays.equals(auditSeed, NO_HASH)) {
      return Optional.empty();
    }
    if (!Arrays.equals(auditSeedProposer, consensusAddress.toBytes())) {
      return Optional.of(auditSeed.clone());
    }
    return Arrays.equals(altAuditSeed, NO_HASH)
        ? Optional.empty()
        : Optional.of(altAuditSeed.clone());
  }

  @Override
  public byte[] seed() {
    return seed.clone();
  }

  byte[] encode() {
    return ByteBuffer.allocate(LENGTH)
        .put(seed)
        .put(auditSeed)
        .put(auditSeedProposer)
        .put(altAuditSeed)
        .put((byte) status.ordinal())
        .putInt(passed)
        .putLong(emission)
        .putLong(paid)
        .array();
  }

  static EpochRecord decode(byte[] bytes) {
    if (bytes.length != LENGTH) {
      throw new IllegalStateException("epoch record of " + bytes.length + " bytes");
    }
    ByteBuffer in = ByteBuffer.wrap(bytes);
    byte[] seed = take(in, 32);
    byte[] audit = take(in, 32);
    byte[] proposer = take(in, 20);
    byte[] alt = take(in, 32);
    Status status = Status.values()[in.get()];
    return new EpochRecord(
        seed, audit, proposer, alt, status, in.getInt(), in.getLong(), in.getLong());
  }

  static byte[] take(ByteBuffer in, int n) {
    byte[] out = new byte[n];
    in.get(out);
    return out;
  }
}
