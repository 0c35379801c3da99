package org.sprintchain.chain.inference;

import java.util.Arrays;
import java.util.List;
import org.sprintchain.chain.crypto.Address;
import org.sprintchain.chain.exec.Event;
import org.sprintchain.chain.sprint.SprintState;
import org.sprintchain.chain.sprint.WorkerRecord;
import org.sprintchain.chain.state.WorkingState;
import org.sprintchain.pocw.SlashParams;

/**
 * Where a job's escrow goes when it closes (docs/inference.md §4–§5). Every path moves exactly the
 * escrow the job holds out of the ledger's {@code escrowed}, and every slash or penalty taken from
 * a worker deposit is either paid to an honest auditor or added to {@code burned}, so no token is
 * created or lost.
 */
final class JobSettlement {
  private final InferenceContext ctx;
  private final WorkingState state;
  private final InferenceState market;
  private final SprintState sprint;
  private final List<Event> events;

  JobSettlement(InferenceContext ctx, WorkingState state, List<Event> events) {
    this.ctx = ctx;
    this.state = state;
    this.market = InferenceState.of(state);
    this.sprint = SprintState.of(state);
    this.events = events;
  }

  /**
   * An honest finish with no dispute: the executor gets the fee, less the share of every assigned
   * auditor that submitted a verdict (all agreeing, or the job would be disputed); the shares of
   * auditors that stayed silent go to the executor too.
   */
  void done(JobRecord job) {
    long perAuditor = perAuditorShare(job);
    long auditorsPaid = 0;
    if (job.status() == JobRecord.Status.AUDITING) {
      for (JobRecord.Audit a : job.audits()) {
        if (a.verdict().isPresent()) {
          credit(a.auditor(), perAuditor);
          auditorsPaid += perAuditor;
        }
      }
    }
    Address executor = job.executor().orElseThrow();
    long executorPaid = job.fee() - auditorsPaid;
    credit(executor, executorPaid);
    market.addEscrow(-job.fee());
    market.putStats(executor, market.stats(executor).plusDone());
    JobRecord closed = job.withStatus(JobRecord.Status.DONE);
    market.putJob(closed);
    events.add(InferenceEvents.settle(closed, executorPaid, auditorsPaid, 0));
  }

  /**
   * Decides a disputed job from the chain's own output digest {@code truth}. Every auditor whose
   * verdict differs from it is slashed and jailed and its share burned. An honest executor is paid
   * as in {@link #done}; a cheating one is slashed and jailed, the payer gets the whole fee back,
   * and the auditors who were right are paid their share out of the executor's slash.
   */
  void resolve(JobRecord job, byte[] truth) {
    boolean executorHonest = Arrays.equals(truth, job.outputDigest());
    long perAuditor = perAuditorShare(job);
    long slashed = 0;
    long burned = 0;
    int wrong = 0;
    for (JobRecord.Audit a : job.audits()) {
      if (a.verdict().isEmpty()) {
        continue;
      }
      if (!Arrays.equals(a.verdict().get(), truth)) {
        wrong++;
        long s = penalize(a.auditor(), ctx.params().fraudSlashBps());
        slashed += s;
        burned += s;
        market.putStats(a.auditor(), market.stats(a.auditor()).plusFalseVerdict());
      }
    }
    Address executor = job.executor().orElseThrow();
    long auditorsPaid = 0;
    long executorPaid = 0;
    JobRecord closed;
    if (executorHonest) {
      long forfeited = perAuditor * wrong;
      auditorsPaid = payRightAuditors(job, truth, perAuditor, Long.MAX_VALUE);
      executorPaid = job.fee() - auditorsPaid - forfeited;
      burned += forfeited;
      credit(executor, executorPaid);
      market.putStats(executor, market.stats(executor).plusDone());
      closed = job.withStatus(JobRecord.Status.DONE);
    } else {
      credit(job.payer(), job.fee());
      long s = penalize(executor, ctx.params().fraudSlashBps());
      slashed += s;
      auditorsPaid = payRightAuditors(job, truth, perAuditor, s);
      burned += s - auditorsPaid;
      market.putStats(executor, market.stats(executor).plusFraud());
      closed = job.withStatus(JobRecord.Status.FRAUD);
      events.add(InferenceEvents.refund(closed, job.fee(), "fraud"));
    }
    market.addEscrow(-job.fee());
    market.addBurned(burned);
    market.putJob(closed);
    events.add(InferenceEvents.disputeResolved(closed, executorHonest, slashed));
    events.add(InferenceEvents.settle(closed, executorPaid, auditorsPaid, burned));
  }

  /** No result by the deadline: the payer gets the escrow back, the executor loses liveness. */
  void timeout(JobRecord job) {
    credit(job.payer(), job.maxFee());
    market.addEscrow(-job.maxFee());
    Address executor = job.executor().orElseThrow();
    long penalty = take(executor, d -> Math.min(d, ctx.params().livenessPenalty()), false);
    market.addBurned(penalty);
    market.putStats(executor, market.stats(executor).plusTimeout());
    JobRecord closed = job.withStatus(JobRecord.Status.TIMED_OUT);
    market.putJob(closed);
    events.add(InferenceEvents.refund(closed, job.maxFee(), "timeout"));
    events.add(InferenceEvents.settle(closed, 0, 0, penalty));
  }

  /** Nobody could be drawn: the payer gets the escrow back. */
  void unserved(JobRecord job) {
    credit(job.payer(), job.maxFee());
    market.addEscrow(-job.maxFee());
    JobRecord closed = job.withStatus(JobRecord.Status.UNSERVED);
    market.putJob(closed);
    events.add(InferenceEvents.refund(closed, job.maxFee(), "unserved"));
  }

  /**
   * Pays each auditor whose verdict equals {@code truth} its share, from at most {@code budget}.
   */
  private long payRightAuditors(JobRecord job, byte[] truth, long perAuditor, long budget) {
    long paid = 0;
    for (JobRecord.Audit a : job.audits()) {
      if (a.verdict().isPresent() && Arrays.equals(a.verdict().get(), truth)) {
        long amount = Math.min(perAuditor, budget - paid);
        credit(a.auditor(), amount);
        paid += amount;
      }
    }
    return paid;
  }

  /** Each assigned auditor's share of an audited job's fee: the non-executor part, split evenly. */
  private long perAuditorShare(JobRecord job) {
    if (job.audits().isEmpty()) {
      return 0;
    }
    long pool = job.fee() - SlashParams.applyBps(job.fee(), ctx.params().executorShareBps());
    return pool / job.audits().size();
  }

  /** Slashes {@code bps} of the worker's deposit and jails it through the sprint's jail term. */
  private long penalize(Address worker, int bps) {
    return take(worker, d -> SlashParams.applyBps(d, bps), true);
  }

  private long take(Address worker, java.util.function.LongUnaryOperator amount, boolean jail) {
    WorkerRecord r = sprint.worker(worker).orElse(null);
    if (r == null) {
      return 0;
    }
    long taken = amount.applyAsLong(r.deposit());
    WorkerRecord updated = r.withDeposit(r.deposit() - taken);
    if (jail) {
      long through = Math.addExact(ctx.epoch(), ctx.sprint().jailEpochs());
      updated = updated.withJailedThrough(Math.max(r.jailedThrough(), through));
    }
    sprint.putWorker(worker, updated);
    return taken;
  }

  private void credit(Address to, long amount) {
    if (amount > 0) {
      state.putAccount(to, state.account(to).credit(amount));
    }
  }
}
