package org.sprintchain.chain.sprint;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sprintchain.chain.crypto.Address;

/**
 * One contested sample: a published digest that an assigned auditor's report contradicts. The model
 * is bit-exact, so exactly one side can be right; the chain finds out by re-executing one step.
 *
 * <p>Lifecycle: AWAITING_TRACES (both sides post their L+1 layer hashes and digest) → the first
 * divergent hash {@code step} is fixed → AWAITING_RESIDUAL (either side posts the residual stream
 * whose hash both agreed on) → READY → RESOLVED by re-execution in FinalizeBlock. A side that does
 * not post its trace by the deadline loses; when nobody posts the residual, the worker loses (its
 * claim is the one under audit). Step 0 (the embedding) needs no residual.
 *
 * <p>The "auditor" side is either an assigned auditor ({@code bond} 0) or a challenger, any other
 * registered worker, that escrowed {@code bond}: a challenger that loses forfeits the bond (it is
 * not jailed: it made no audit promise), one that wins gets it back with the challenger reward.
 */
public record DisputeRecord(
    long id,
    long epoch,
    Address worker,
    Address auditor,
    long index,
    long nonce,
    long deadline,
    long bond,
    Status status,
    Side winner,
    int step,
    Optional<Trace> workerTrace,
    Optional<Trace> auditorTrace,
    byte[] residual) {

  /** Where a dispute stands. */
  public enum Status {
    AWAITING_TRACES,
    AWAITING_RESIDUAL,
    READY,
    RESOLVED
  }

  /** A party, or nobody yet. */
  public enum Side {
    NONE,
    WORKER,
    AUDITOR
  }

  /** A posted trace: layer hashes (embedding, then after each block) and the final digest. */
  public record Trace(List<byte[]> layerHashes, byte[] digest) {
    public Trace {
      List<byte[]> copy = new ArrayList<>(layerHashes.size());
      layerHashes.forEach(h -> copy.add(h.clone()));
      layerHashes = List.copyOf(copy);
      digest = digest.clone();
    }

    @Override
    public byte[] digest() {
      return digest.clone();
    }
  }

  public DisputeRecord {
    residual = residual.clone();
  }

  static DisputeRecord opened(
      long id,
      long epoch,
      Address worker,
      Address auditor,
      long index,
      long nonce,
      long deadline,
      long bond) {
    return new DisputeRecord(
        id,
        epoch,
        worker,
        auditor,
        index,
        nonce,
        deadline,
        bond,
        Status.AWAITING_TRACES,
        Side.NONE,
        -1,
        Optional.empty(),
        Optional.empty(),
        new byte[0]);
  }

  @Override
  public byte[] residual() {
    return residual.clone();
  }

  DisputeRecord withTrace(Side side, Trace trace) {
    return new DisputeRecord(
        id,
        epoch,
        worker,
        auditor,
        index,
        nonce,
        deadline,
        bond,
        status,
        winner,
        step,
        side == Side.WORKER ? Optional.of(trace) : workerTrace,
        side == Side.AUDITOR ? Optional.of(trace) : auditorTrace,
        residual);
  }

  DisputeRecord withStep(Status newStatus, int newStep, byte[] newResidual) {
    return new DisputeRecord(
        id,
        epoch,
        worker,
        auditor,
        index,
        nonce,
        deadline,
        bond,
        newStatus,
        winner,
        newStep,
        workerTrace,
        auditorTrace,
        newResidual);
  }

  DisputeRecord resolved(Side won) {
    return new DisputeRecord(
        id,
        epoch,
        worker,
        auditor,
        index,
        nonce,
        deadline,
        bond,
        Status.RESOLVED,
        won,
        step,
        workerTrace,
        auditorTrace,
        new byte[0]);
  }

  byte[] encode() {
    int size = 8 * 6 + 40 + 1 + 1 + 4 + traceSize(workerTrace) + traceSize(auditorTrace) + 4;
    ByteBuffer out = ByteBuffer.allocate(size + residual.length);
    out.putLong(id).putLong(epoch).put(worker.toBytes()).put(auditor.toBytes());
    out.putLong(index).putLong(nonce).putLong(deadline).putLong(bond);
    out.put((byte) status.ordinal()).put((byte) winner.ordinal()).putInt(step);
    putTrace(out, workerTrace);
    putTrace(out, auditorTrace);
    out.putInt(residual.length).put(residual);
    return out.array();
  }

  static DisputeRecord decode(byte[] bytes) {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    long id = in.getLong();
    long epoch = in.getLong();
    Address worker = Address.fromBytes(EpochRecord.take(in, 20));
    Address auditor = Address.fromBytes(EpochRecord.take(in, 20));
    long index = in.getLong();
    long nonce = in.getLong();
    long deadline = in.getLong();
    long bond = in.getLong();
    Status status = Status.values()[in.get()];
    Side winner = Side.values()[in.get()];
    int step = in.getInt();
    Optional<Trace> wt = getTrace(in);
    Optional<Trace> at = getTrace(in);
    byte[] residual = EpochRecord.take(in, in.getInt());
    return new DisputeRecord(
        id, epoch, worker, auditor, index, nonce, deadline, bond, status, winner, step, wt, at,
        residual);
  }

  private static int traceSize(Optional<Trace> trace) {
    return 1 + trace.map(t -> 32 * t.layerHashes().size() + 32).orElse(0);
  }

  private static void putTrace(ByteBuffer out, Optional<Trace> trace) {
    if (trace.isEmpty()) {
      out.put((byte) 0);
      return;
    }
    out.put((byte) trace.get().layerHashes().size());
    trace.get().layerHashes().forEach(out::put);
    out.put(trace.get().digest());
  }

  private static Optional<Trace> getTrace(ByteBuffer in) {
    int n = in.get() & 0xff;
    if (n == 0) {
      return Optional.empty();
    }
    List<byte[]> hashes = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      hashes.add(EpochRecord.take(in, 32));
    }
    return Optional.of(new Trace(hashes, EpochRecord.take(in, 32)));
  }
}
