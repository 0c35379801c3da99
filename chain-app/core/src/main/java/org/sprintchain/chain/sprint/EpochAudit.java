package org.sprintchain.chain.sprint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.sprintchain.chain.crypto.Address;
import org.sprintchain.pocw.SprintParams;
import org.sprintchain.pocw.WorkerId;
import org.sprintchain.pocw.audit.AuditSampler;
import org.sprintchain.pocw.audit.AuditorAssignment;
import org.sprintchain.pocw.commit.WinnerCommitment;

/**
 * The audit plan of one epoch, derived from state alone: who committed, each worker's audit seed,
 * sampled indices and auditors (docs/protocol.md §5–§6, with the §11.6 rule that a worker's seed is
 * never a block it proposed). Nothing is stored: an instance derives the plan on demand and keeps
 * what it derived, so it reads state as of its first use and lives no longer than one message,
 * query or settlement.
 *
 * <p>The auditor assignment depends only on the audit seed and the committed workers' last work,
 * and a worker's seed is the epoch's audit seed or, for the seed block's proposer, the alternative
 * one: so an instance builds at most two assignments however many workers it is asked about, and
 * the reverse index {@link #auditedBy} once. Settlement asks about every worker and every auditor,
 * which is then O(N·a·(a + log N)) draws rather than N² assignments of O(N) each.
 */
public final class EpochAudit {
  private final SprintState state;
  private final SprintParams params;
  private final long epoch;
  private List<Address> committed;
  private SortedSet<Address> committedSet;
  private List<AuditorAssignment.Candidate> candidates;

  /** Keyed by seed bytes (compared by content): a deterministic order, never hash-ordered. */
  private final SortedMap<byte[], AuditorAssignment> assignmentsBySeed =
      new TreeMap<>(Arrays::compareUnsigned);

  /** Auditor → the workers it audits, in address order; built on the first {@link #auditedBy}. */
  private SortedMap<Address, List<Address>> auditees;

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
      committedSet = new TreeSet<>(committed);
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
    if (seed.isEmpty() || !isCommitted(worker)) {
      return Optional.empty();
    }
    AuditorAssignment assignment =
        assignmentsBySeed.computeIfAbsent(seed.get(), s -> new AuditorAssignment(s, candidates()));
    List<Address> out = new ArrayList<>();
    for (WorkerId id : assignment.auditorsOf(idOf(worker), params.auditorsPerWorker())) {
      out.add(Address.fromBytes(id.bytes()));
    }
    return Optional.of(List.copyOf(out));
  }

  /** The workers {@code auditor} must audit this epoch (those whose seed is known). */
  public List<Address> auditedBy(Address auditor) {
    if (auditees == null) {
      auditees = new TreeMap<>();
      for (Address w : committed()) {
        for (Address a : auditorsOf(w).orElse(List.of())) {
          auditees.computeIfAbsent(a, k -> new ArrayList<>()).add(w);
        }
      }
    }
    return List.copyOf(auditees.getOrDefault(auditor, List.of()));
  }

  /** True when {@code index} is in {@code worker}'s sample. */
  public boolean isSampled(Address worker, long index) {
    return sampleOf(worker).map(s -> Arrays.binarySearch(s, index) >= 0).orElse(false);
  }

  private boolean isCommitted(Address worker) {
    committed();
    return committedSet.contains(worker);
  }

  /** Every committed worker weighted by its last verified work, in address order. */
  private List<AuditorAssignment.Candidate> candidates() {
    if (candidates == null) {
      List<AuditorAssignment.Candidate> out = new ArrayList<>();
      for (Address w : committed()) {
        long weight = state.worker(w).map(WorkerRecord::lastWork).orElse(0L);
        out.add(new AuditorAssignment.Candidate(idOf(w), weight));
      }
      candidates = List.copyOf(out);
    }
    return candidates;
  }

  static WorkerId idOf(Address operator) {
    return WorkerId.of(operator.toBytes());
  }
}
