package org.sprintchain.chain.inference;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.sprintchain.chain.crypto.Address;
import org.sprintchain.chain.state.ChainState;
import org.sprintchain.chain.state.WorkingState;

/**
 * Typed reads and writes of the inference columns ({@link InferenceKeys}). Reads work on any {@link
 * ChainState}; writes need a {@link WorkingState}.
 */
public final class InferenceState {
  private final ChainState reader;
  private final WorkingState writer;

  private InferenceState(ChainState reader, WorkingState writer) {
    this.reader = reader;
    this.writer = writer;
  }

  public static InferenceState of(WorkingState state) {
    return new InferenceState(state, state);
  }

  public static InferenceState readOnly(ChainState state) {
    return new InferenceState(state, null);
  }

  /** The params; empty on a chain whose genesis has no {@code inference} section. */
  public Optional<InferenceParams> params() {
    return reader.raw(InferenceKeys.params()).map(InferenceJson::decodeParams);
  }

  void putParams(InferenceParams p) {
    put(InferenceKeys.params(), InferenceJson.encodeParams(p));
  }

  public Optional<ModelEntry> model(String modelId) {
    if (!modelId.matches(ModelEntry.ID_PATTERN)) {
      return Optional.empty();
    }
    return reader.raw(InferenceKeys.model(modelId)).map(b -> ModelEntry.decode(modelId, b));
  }

  /** Every registered model, in id order. */
  public List<ModelEntry> models() {
    List<ModelEntry> out = new ArrayList<>();
    reader
        .raw(InferenceKeys.modelList())
        .ifPresent(
            b -> {
              ByteBuffer in = ByteBuffer.wrap(b);
              while (in.hasRemaining()) {
                byte[] id = new byte[in.get() & 0xff];
                in.get(id);
                model(new String(id, StandardCharsets.UTF_8)).ifPresent(out::add);
              }
            });
    return out;
  }

  void putModels(List<ModelEntry> models) {
    SortedSet<String> ids = new TreeSet<>();
    int size = 0;
    for (ModelEntry m : models) {
      put(InferenceKeys.model(m.modelId()), m.encode());
      ids.add(m.modelId());
      size += 1 + m.modelId().length();
    }
    ByteBuffer list = ByteBuffer.allocate(size);
    for (String id : ids) {
      byte[] b = id.getBytes(StandardCharsets.UTF_8);
      list.put((byte) b.length).put(b);
    }
    put(InferenceKeys.modelList(), list.array());
  }

  public Optional<JobRecord> job(long id) {
    return reader.raw(InferenceKeys.job(id)).map(b -> JobRecord.decode(id, b));
  }

  void putJob(JobRecord job) {
    put(InferenceKeys.job(job.id()), job.encode());
  }

  /** The id the next request gets. */
  public long nextJobId() {
    return reader.raw(InferenceKeys.jobIndex()).map(b -> ByteBuffer.wrap(b).getLong()).orElse(0L);
  }

  /** Ids of the jobs not yet final, ascending. */
  public SortedSet<Long> openJobs() {
    return ids(InferenceKeys.jobIndex(), 8);
  }

  void putJobIndex(long nextId, SortedSet<Long> open) {
    ByteBuffer out = ByteBuffer.allocate(8 + 8 * open.size()).putLong(nextId);
    open.forEach(out::putLong);
    put(InferenceKeys.jobIndex(), out.array());
  }

  /** Ids of the disputed jobs awaiting re-execution, ascending. */
  public SortedSet<Long> disputeQueue() {
    return ids(InferenceKeys.disputeQueue(), 0);
  }

  void putDisputeQueue(SortedSet<Long> queue) {
    ByteBuffer out = ByteBuffer.allocate(8 * queue.size());
    queue.forEach(out::putLong);
    put(InferenceKeys.disputeQueue(), out.array());
  }

  public WorkerStats stats(Address worker) {
    return reader
        .raw(InferenceKeys.stats(worker))
        .map(WorkerStats::decode)
        .orElse(WorkerStats.NONE);
  }

  void putStats(Address worker, WorkerStats stats) {
    put(InferenceKeys.stats(worker), stats.encode());
  }

  /** Tokens held in escrow by open jobs, and tokens the market has burned (slashes, penalties). */
  public record Ledger(long escrowed, long burned) {}

  public Ledger ledger() {
    return reader
        .raw(InferenceKeys.ledger())
        .map(b -> ByteBuffer.wrap(b))
        .map(in -> new Ledger(in.getLong(), in.getLong()))
        .orElse(new Ledger(0, 0));
  }

  void addEscrow(long delta) {
    Ledger l = ledger();
    putLedger(new Ledger(Math.addExact(l.escrowed(), delta), l.burned()));
  }

  void addBurned(long amount) {
    Ledger l = ledger();
    putLedger(new Ledger(l.escrowed(), Math.addExact(l.burned(), amount)));
  }

  private void putLedger(Ledger l) {
    if (l.escrowed() < 0) {
      throw new IllegalStateException("inference escrow below zero: " + l.escrowed());
    }
    put(
        InferenceKeys.ledger(),
        ByteBuffer.allocate(16).putLong(l.escrowed()).putLong(l.burned()).array());
  }

  private SortedSet<Long> ids(byte[] key, int skip) {
    SortedSet<Long> ids = new TreeSet<>();
    reader
        .raw(key)
        .ifPresent(
            b -> {
              ByteBuffer in = ByteBuffer.wrap(b);
              in.position(skip);
              while (in.hasRemaining()) {
                ids.add(in.getLong());
              }
            });
    return ids;
  }

  private void put(byte[] key, byte[] value) {
    if (writer == null) {
      throw new IllegalStateException("read-only inference state");
    }
    writer.putRaw(key, value);
  }
}
