package org.sprintchain.chain.sprint;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sprintchain.chain.crypto.Address;
import org.sprintchain.pocw.SprintParams;
import org.sprintchain.pocw.WorkerId;
import org.sprintchain.pocw.audit.AuditSampler;
import org.sprintchain.pocw.audit.AuditorAssignment;
import org.sprintchain.pocw.commit.WinnerCommitment;

/**
 * The audit plan of one epoch, derived from state alone: who committed, each worker's audit seed,
 * sampled indices and auditors (docs/protocol.md §5–§6, with the §11.6 rule that a worker's seed is
 * never a block it proposed). Everything here is recomputed on demand; nothing is stored.
 */
public final class EpochAudit {
  private final SprintState state;
  private final SprintParams params;
  private final long epoch;
  private List<Address> committed;

  public EpochAudit(SprintState state, SprintParams params, long epoch) {
    this.state = state;
    this.params = params;
    this.epoch = epoch;
  }

  public long epoch() {
    return epoch;
  }

  /** The workers that committed this epoch, in address order: the auditor candidates. */
  public List<Address> committed() {
    if (committed == null) {
      List<Address> out = new ArrayList<>();
      for (Address w : state.workers()) {
        if (state.commitment(epoch, w).isPresent()) {
          out.add(w);
        }
      }
      committed = List.copyOf(out);
    }
    return committed;
  }

  /** {@code worker}'s audit seed; empty until its block is known or when it did not commit. */
  public Optional<byte[]> auditSeedOf(Address worker) {
    Optional<WorkerRecord> record = state.worker(worker);
    Optional<EpochRecord> e = state.epoch(epoch);
    if (record.isEmpty() || e.isEmpty()) {
      return Optional.empty();
    }
    return e.get().auditSeedFor(record.get().consensusAddress());
  }

  /** The sampled leaf indices of {@code worker}, ascending; empty before its seed is known. */
  public Optional<long[]> sampleOf(Address worker) {
    Optional<WinnerCommitment> c = state.commitment(epoch, worker);
    Optional<byte[]> seed = auditSeedOf(worker);
    if (c.isEmpty() || seed.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        AuditSampler.sample(seed.get(), idOf(worker), c.get().count(), params.samplesPerWorker()));
  }

  /** The auditors assigned to {@code worker}; empty before its seed is known. */
  public Optional<List<Address>> auditorsOf(Address worker) {
    Optional<byte[]> seed = auditSeedOf(worker);
    if (seed.isEmpty() || !committed().contains(worker)) {
      return Optional.empty();
    }
    List<AuditorAssignment.Candidate> candidates = new ArrayList<>();
    for (Address w : committed()) {
      long weight = state.worker(w).map(WorkerRecord::lastWork).orElse(0L);
      candidates.add(new AuditorAssignment.Candidate(idOf(w), weight));
    }
    AuditorAssignment assignment = new AuditorAssignment(seed.get(), candidates);
    List<Address> out = new ArrayList<>();
    for (WorkerId id : assignment.auditorsOf(idOf(worker), params.auditorsPerWorker())) {
      out.add(Address.fromBytes(id.bytes()));
    }
    return Optional.of(List.copyOf(out));
  }

  /** The workers {@code auditor} must audit this epoch (those whose seed is known). */
  public List<Address> auditedBy(Address auditor) {
    List<Address> out = new ArrayList<>();
    for (Address w : committed()) {
      if (!w.equals(auditor) && auditorsOf(w).map(a -> a.contains(auditor)).orElse(false)) {
        out.add(w);
      }
    }
    return out;
  }

  /** True when {@code index} is in {@code worker}'s sample. */
  public boolean isSampled(Address worker, long index) {
    return sampleOf(worker).map(s -> java.util.Arrays.binarySearch(s, index) >= 0).orElse(false);
  }

  static WorkerId idOf(Address operator) {
    return WorkerId.of(operator.toBytes());
  }
}
