package org.sprintchain.chain.inference;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import org.sprintchain.chain.crypto.Address;
import org.sprintchain.chain.exec.Event;
import org.sprintchain.chain.sprint.SprintState;
import org.sprintchain.chain.state.WorkingState;
import org.sprintchain.pocw.WorkerId;
import org.sprintchain.pocw.audit.AuditorAssignment;
import org.sprintchain.pocw.hash.BigEndian;
import org.sprintchain.pocw.hash.HashStream;
import org.sprintchain.pocw.hash.Sha256;

/**
 * The market's per-block work around the txs (docs/inference.md §4). Before them, from the block's
 * hash: draw the executor of every job requested in an earlier block, and decide which answered
 * jobs are audited and by whom. After them: re-execute disputed jobs within the budget, time out
 * jobs past their deadline, and settle audits that are complete or overdue.
 */
public final class InferenceBlock {
  static final String EXECUTOR_DOMAIN = "sprintchain/inference/v1/executor";
  static final String SAMPLE_DOMAIN = "sprintchain/inference/v1/audit";
  static final byte[] AUDITOR_SEED_DOMAIN =
      "sprintchain/inference/v1/auditors\0".getBytes(StandardCharsets.US_ASCII);

  private final InferenceContext ctx;
  private final WorkingState state;
  private final InferenceState market;
  private final SprintState sprint;
  private final JobSettlement settlement;
  private final List<Event> events = new ArrayList<>();

  private InferenceBlock(InferenceContext ctx, WorkingState state) {
    this.ctx = ctx;
    this.state = state;
    this.market = InferenceState.of(state);
    this.sprint = SprintState.of(state);
    this.settlement = new JobSettlement(ctx, state, events);
  }

  /** The hooks for {@code height}, or null on a chain without inference. */
  public static InferenceBlock at(WorkingState state, long height, long initialHeight) {
    InferenceContext ctx = InferenceMessages.context(state, height, initialHeight);
    return ctx == null ? null : new InferenceBlock(ctx, state);
  }

  /** Runs before the block's txs. */
  public void begin(byte[] blockHash) {
    List<WeightedDraw.Candidate> eligible = ctx.eligible(sprint);
    SortedSet<Long> open = market.openJobs();
    for (long id : List.copyOf(open)) {
      JobRecord job = market.job(id).orElseThrow();
      if (job.status() == JobRecord.Status.PENDING && job.requestHeight() < ctx.height()) {
        if (!assign(job, blockHash, eligible)) {
          open.remove(id);
        }
      } else if (job.status() == JobRecord.Status.SUBMITTED && job.resultHeight() < ctx.height()) {
        if (!sample(job, blockHash, eligible)) {
          open.remove(id);
        }
      }
    }
    writeIndex(open);
  }

  /** Runs after the block's txs. */
  public void end() {
    resolveDisputes();
    SortedSet<Long> open = market.openJobs();
    for (long id : List.copyOf(open)) {
      JobRecord job = market.job(id).orElseThrow();
      boolean closed = false;
      if (job.status() == JobRecord.Status.ASSIGNED && ctx.height() >= job.deadline()) {
        settlement.timeout(job);
        closed = true;
      } else if (job.status() == JobRecord.Status.AUDITING
          && (ctx.height() >= job.auditDeadline() || allVerdictsIn(job))) {
        settlement.done(job);
        closed = true;
      } else if (!job.status().open()) {
        closed = true; // settled by a dispute this block
      }
      if (closed) {
        open.remove(id);
      }
    }
    writeIndex(open);
  }

  /** Events of the begin and end steps (FinalizeBlock's block-level events). */
  public List<Event> events() {
    return List.copyOf(events);
  }

  /** Draws the executor; false (and a refund) when no worker is eligible. */
  private boolean assign(JobRecord job, byte[] blockHash, List<WeightedDraw.Candidate> eligible) {
    if (eligible.isEmpty()) {
      settlement.unserved(job);
      return false;
    }
    Address executor =
        new WeightedDraw(eligible)
            .draw(new HashStream(EXECUTOR_DOMAIN, blockHash, BigEndian.u64(job.id())));
    long deadline = Math.addExact(ctx.height(), ctx.params().timeoutBlocks());
    JobRecord assigned = job.assigned(executor, ctx.height(), deadline);
    market.putJob(assigned);
    events.add(InferenceEvents.assigned(assigned));
    return true;
  }

  /** Decides the audit of an answered job; false when it settled at once (not sampled). */
  private boolean sample(JobRecord job, byte[] blockHash, List<WeightedDraw.Candidate> eligible) {
    Address executor = job.executor().orElseThrow();
    int rate =
        market.stats(executor).badHistory()
            ? ctx.params().badHistoryAuditRateBps()
            : ctx.params().auditRateBps();
    boolean drawn =
        new HashStream(SAMPLE_DOMAIN, blockHash, BigEndian.u64(job.id())).below(10_000) < rate;
    List<Address> auditors = drawn ? auditors(job, blockHash, eligible) : List.of();
    if (auditors.isEmpty()) {
      events.add(InferenceEvents.audit(job));
      settlement.done(job);
      return false;
    }
    long until = Math.addExact(ctx.height(), ctx.params().timeoutBlocks());
    JobRecord auditing = job.auditing(auditors, until);
    market.putJob(auditing);
    events.add(InferenceEvents.audit(auditing));
    return true;
  }

  /** {@code auditors_per_job} eligible workers by verified work, never the executor. */
  private List<Address> auditors(
      JobRecord job, byte[] blockHash, List<WeightedDraw.Candidate> eligible) {
    Address executor = job.executor().orElseThrow();
    List<AuditorAssignment.Candidate> candidates = new ArrayList<>();
    boolean executorListed = false;
    for (WeightedDraw.Candidate c : eligible) {
      candidates.add(new AuditorAssignment.Candidate(idOf(c.worker()), c.work()));
      executorListed |= c.worker().equals(executor);
    }
    if (!executorListed) {
      candidates.add(new AuditorAssignment.Candidate(idOf(executor), 0));
    }
    byte[] seed = Sha256.of(AUDITOR_SEED_DOMAIN, blockHash, BigEndian.u64(job.id()));
    List<Address> out = new ArrayList<>();
    for (WorkerId id :
        new AuditorAssignment(seed, candidates)
            .auditorsOf(idOf(executor), ctx.params().auditorsPerJob())) {
      out.add(Address.fromBytes(id.bytes()));
    }
    return out;
  }

  /** Re-executes queued disputes in id order while the block's budget lasts. */
  private void resolveDisputes() {
    SortedSet<Long> queue = market.disputeQueue();
    if (queue.isEmpty()) {
      return;
    }
    long budget = ctx.params().reexecutionBudgetPerBlock();
    for (long id : List.copyOf(queue)) {
      JobRecord job = market.job(id).orElseThrow();
      long cost = Math.max(1, job.units());
      if (cost > budget) {
        break; // strictly in id order: a later, cheaper job does not overtake
      }
      budget -= cost;
      ModelEntry model = market.model(job.modelId()).orElseThrow();
      settlement.resolve(job, ModelRuntime.digest(ModelRuntime.execute(model, job.input())));
      queue.remove(id);
    }
    market.putDisputeQueue(queue);
  }

  private static boolean allVerdictsIn(JobRecord job) {
    return job.audits().stream().allMatch(a -> a.verdict().isPresent());
  }

  private void writeIndex(SortedSet<Long> open) {
    if (!open.equals(market.openJobs())) {
      market.putJobIndex(market.nextJobId(), open);
    }
  }

  static WorkerId idOf(Address a) {
    return WorkerId.of(a.toBytes());
  }
}
