package org.sprintchain.chain.sprint;

import java.util.ArrayList;
import java.util.List;
import org.sprintchain.chain.ValidatorUpdate;
import org.sprintchain.chain.crypto.Address;
import org.sprintchain.chain.exec.Event;
import org.sprintchain.chain.exec.TxExecutor;
import org.sprintchain.chain.state.WorkingState;
import org.sprintchain.pocw.schedule.SprintSchedule;

/**
 * The sprint's per-block work around the txs. Before them: record the block hash when it is the
 * epoch's seed block, its audit seed block, or the block after that (the alternative seed of the
 * audit seed block's proposer). After them: settle disputes within the budget, and settle the epoch
 * at its last height.
 */
public final class SprintBlock {
  private final SprintContext ctx;
  private final WorkingState state;
  private final List<Event> events = new ArrayList<>();

  private SprintBlock(SprintContext ctx, WorkingState state) {
    this.ctx = ctx;
    this.state = state;
  }

  /** The hooks for {@code height}, or null on a chain without sprints. */
  public static SprintBlock at(WorkingState state, long height, long initialHeight) {
    return SprintState.of(state)
        .params()
        .map(
            p ->
                new SprintBlock(
                    new SprintContext(p, new SprintSchedule(p, initialHeight), height), state))
        .orElse(null);
  }

  public SprintContext context() {
    return ctx;
  }

  /** Runs before the block's txs. */
  public void begin(byte[] blockHash, Address proposer) {
    SprintSchedule schedule = ctx.schedule();
    SprintState sprint = SprintState.of(state);
    long h = ctx.height();
    long epoch = ctx.position().epoch();
    if (h == schedule.seedHeight(epoch)) {
      sprint.putEpoch(epoch, EpochRecord.opened(blockHash));
      events.add(SprintEvents.open(epoch, blockHash));
    }
    if (h == schedule.auditSeedHeight(epoch)) {
      sprint.putEpoch(epoch, epochRecord(sprint, epoch).withAuditSeed(blockHash, proposer));
    }
    if (h == schedule.auditSeedHeight(epoch) + 1) {
      sprint.putEpoch(epoch, epochRecord(sprint, epoch).withAltAuditSeed(blockHash));
    }
  }

  /** Runs after the block's txs; returns the validator updates (empty unless a sprint settled). */
  public List<ValidatorUpdate> end() {
    new DisputeResolver(ctx, state).run(events);
    long epoch = ctx.position().epoch();
    if (ctx.height() == ctx.schedule().settleHeight(epoch)) {
      return new EpochSettlement(ctx, state).settle(epoch, events);
    }
    return List.of();
  }

  /** Fees of this block's txs go to the current epoch's reward pot. */
  public TxExecutor.FeeSink feeSink() {
    long epoch = ctx.position().epoch();
    return (s, proposer, fee) -> {
      SprintState sprint = SprintState.of(s);
      sprint.putFeePot(epoch, Math.addExact(sprint.feePot(epoch), fee));
    };
  }

  /** Events of the begin and end steps (FinalizeBlock's block-level events). */
  public List<Event> events() {
    return List.copyOf(events);
  }

  /** A chain that starts in the middle of nowhere still has a record (seed unknown = zeros). */
  private static EpochRecord epochRecord(SprintState sprint, long epoch) {
    return sprint.epoch(epoch).orElse(EpochRecord.opened(new byte[32]));
  }
}
