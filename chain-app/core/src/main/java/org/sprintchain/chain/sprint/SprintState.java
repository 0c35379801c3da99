package org.sprintchain.chain.sprint;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.sprintchain.chain.crypto.Address;
import org.sprintchain.chain.state.ChainState;
import org.sprintchain.chain.state.WorkingState;
import org.sprintchain.pocw.SprintParams;
import org.sprintchain.pocw.WorkerId;
import org.sprintchain.pocw.commit.WinnerCommitment;

/**
 * Typed reads and writes of the sprint columns ({@link SprintKeys}). Reads work on any {@link
 * ChainState}; writes need the {@link WorkingState} of a block (or of CheckTx).
 */
public final class SprintState {
  private final ChainState reader;
  private final WorkingState writer;

  private SprintState(ChainState reader, WorkingState writer) {
    this.reader = reader;
    this.writer = writer;
  }

  public static SprintState of(WorkingState state) {
    return new SprintState(state, state);
  }

  public static SprintState readOnly(ChainState state) {
    return new SprintState(state, null);
  }

  /** The sprint params; empty on a chain whose genesis has no {@code sprint} section. */
  public Optional<SprintParams> params() {
    return reader.raw(SprintKeys.params()).map(SprintParamsJson::decode);
  }

  void putParams(SprintParams params) {
    put(SprintKeys.params(), SprintParamsJson.encode(params));
  }

  public Optional<WorkerRecord> worker(Address operator) {
    return reader.raw(SprintKeys.worker(operator)).map(WorkerRecord::decode);
  }

  /** Public for the inference market, whose penalties take from the same deposit and jail. */
  public void putWorker(Address operator, WorkerRecord record) {
    put(SprintKeys.worker(operator), record.encode());
  }

  public Optional<Address> operatorOfKey(byte[] consensusKey) {
    return reader.raw(SprintKeys.consensusKey(consensusKey)).map(Address::fromBytes);
  }

  void putOperatorOfKey(byte[] consensusKey, Address operator) {
    put(SprintKeys.consensusKey(consensusKey), operator.toBytes());
  }

  /** Every registered operator, in address order. */
  public List<Address> workers() {
    Optional<byte[]> raw = reader.raw(SprintKeys.workerList());
    List<Address> out = new ArrayList<>();
    raw.ifPresent(
        bytes -> {
          for (int i = 0; i < bytes.length; i += Address.LENGTH) {
            byte[] a = new byte[Address.LENGTH];
            System.arraycopy(bytes, i, a, 0, a.length);
            out.add(Address.fromBytes(a));
          }
        });
    return out;
  }

  void addWorkerToList(Address operator) {
    SortedSet<Address> all = new TreeSet<>(workers());
    all.add(operator);
    ByteBuffer out = ByteBuffer.allocate(all.size() * Address.LENGTH);
    all.forEach(a -> out.put(a.toBytes()));
    put(SprintKeys.workerList(), out.array());
  }

  public Optional<WinnerCommitment> commitment(long epoch, Address operator) {
    return reader
        .raw(SprintKeys.commitment(epoch, operator))
        .map(b -> new WinnerCommitment(ByteBuffer.wrap(b).getLong(), slice(b, 8, 32)));
  }

  void putCommitment(long epoch, Address operator, WinnerCommitment c) {
    put(
        SprintKeys.commitment(epoch, operator),
        ByteBuffer.allocate(40).putLong(c.count()).put(c.root()).array());
  }

  /** An opened leaf: its nonce and leaf hash. */
  public record Opening(long nonce, byte[] leafHash) {}

  public Optional<Opening> opening(long epoch, Address operator, long index) {
    return reader
        .raw(SprintKeys.opening(epoch, operator, index))
        .map(b -> new Opening(ByteBuffer.wrap(b).getLong(), slice(b, 8, 32)));
  }

  void putOpening(long epoch, Address operator, long index, Opening o) {
    put(
        SprintKeys.opening(epoch, operator, index),
        ByteBuffer.allocate(40).putLong(o.nonce()).put(o.leafHash()).array());
  }

  public Optional<byte[]> report(long epoch, Address worker, Address auditor, long index) {
    return reader.raw(SprintKeys.report(epoch, worker, auditor, index));
  }

  void putReport(long epoch, Address worker, Address auditor, long index, byte[] report) {
    put(SprintKeys.report(epoch, worker, auditor, index), report);
  }

  public Optional<byte[]> digest(long epoch, Address operator, long index) {
    return reader.raw(SprintKeys.digest(epoch, operator, index));
  }

  void putDigest(long epoch, Address operator, long index, byte[] digest) {
    put(SprintKeys.digest(epoch, operator, index), digest);
  }

  public Optional<EpochRecord> epoch(long epoch) {
    return reader.raw(SprintKeys.epoch(epoch)).map(EpochRecord::decode);
  }

  void putEpoch(long epoch, EpochRecord record) {
    put(SprintKeys.epoch(epoch), record.encode());
  }

  public long feePot(long epoch) {
    return reader.raw(SprintKeys.feePot(epoch)).map(b -> ByteBuffer.wrap(b).getLong()).orElse(0L);
  }

  void putFeePot(long epoch, long amount) {
    put(SprintKeys.feePot(epoch), ByteBuffer.allocate(8).putLong(amount).array());
  }

  /** The validator set CometBFT runs with, by ed25519 consensus key. */
  public SortedMap<WorkerId, Long> validators() {
    SortedMap<WorkerId, Long> out = new TreeMap<>();
    reader
        .raw(SprintKeys.validators())
        .ifPresent(
            bytes -> {
              ByteBuffer in = ByteBuffer.wrap(bytes);
              while (in.hasRemaining()) {
                out.put(WorkerId.of(EpochRecord.take(in, 32)), in.getLong());
              }
            });
    return out;
  }

  void putValidators(SortedMap<WorkerId, Long> set) {
    ByteBuffer out = ByteBuffer.allocate(set.size() * 40);
    set.forEach((k, v) -> out.put(k.bytes()).putLong(v));
    put(SprintKeys.validators(), out.array());
  }

  public Optional<WorkerEpochResult> result(long epoch, Address operator) {
    return reader.raw(SprintKeys.result(epoch, operator)).map(WorkerEpochResult::decode);
  }

  void putResult(long epoch, Address operator, WorkerEpochResult result) {
    put(SprintKeys.result(epoch, operator), result.encode());
  }

  public Optional<DisputeRecord> dispute(long id) {
    return reader.raw(SprintKeys.dispute(id)).map(DisputeRecord::decode);
  }

  void putDispute(DisputeRecord d) {
    put(SprintKeys.dispute(d.id()), d.encode());
  }

  /** The ids of disputes not yet resolved, ascending. */
  public SortedSet<Long> openDisputes() {
    SortedSet<Long> ids = new TreeSet<>();
    reader
        .raw(SprintKeys.disputeIndex())
        .ifPresent(
            b -> {
              ByteBuffer in = ByteBuffer.wrap(b);
              in.getLong();
              while (in.hasRemaining()) {
                ids.add(in.getLong());
              }
            });
    return ids;
  }

  /** The id the next dispute gets. */
  public long nextDisputeId() {
    return reader.raw(SprintKeys.disputeIndex()).map(b -> ByteBuffer.wrap(b).getLong()).orElse(0L);
  }

  void putDisputeIndex(long nextId, SortedSet<Long> open) {
    ByteBuffer out = ByteBuffer.allocate(8 + 8 * open.size()).putLong(nextId);
    open.forEach(out::putLong);
    put(SprintKeys.disputeIndex(), out.array());
  }

  /** The open disputes over {@code worker}'s samples of {@code epoch} (as worker or auditor). */
  public List<DisputeRecord> openDisputesOf(long epoch, Address party) {
    List<DisputeRecord> out = new ArrayList<>();
    for (long id : openDisputes()) {
      dispute(id)
          .filter(d -> d.epoch() == epoch)
          .filter(d -> d.worker().equals(party) || d.auditor().equals(party))
          .ifPresent(out::add);
    }
    return out;
  }

  private void put(byte[] key, byte[] value) {
    if (writer == null) {
      throw new IllegalStateException("read-only sprint state");
    }
    writer.putRaw(key, value);
  }

  private static byte[] slice(byte[] b, int from, int len) {
    byte[] out = new byte[len];
    System.arraycopy(b, from, out, 0, len);
    return out;
  }
}
