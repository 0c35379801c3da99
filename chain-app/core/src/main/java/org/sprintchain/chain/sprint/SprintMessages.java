package org.sprintchain.chain.sprint;

import java.util.List;
import org.sprintchain.chain.crypto.Address;
import org.sprintchain.chain.exec.Event;
import org.sprintchain.chain.state.WorkingState;
import org.sprintchain.chain.tx.RejectReason;
import org.sprintchain.chain.tx.TxRejectedException;
import org.sprintchain.pocw.schedule.SprintSchedule;
import org.sprintchain.proto.tx.v1.Msg;

/** Routes the sprint messages of a tx to their rules; refuses them on a chain without sprints. */
public final class SprintMessages {
  private final SprintContext ctx;

  private SprintMessages(SprintContext ctx) {
    this.ctx = ctx;
  }

  /** The router for a block (or CheckTx) at {@code height}; disabled without sprint params. */
  public static SprintMessages at(WorkingState state, long height, long initialHeight) {
    return new SprintMessages(
        SprintState.of(state)
            .params()
            .map(p -> new SprintContext(p, new SprintSchedule(p, initialHeight), height))
            .orElse(null));
  }

  /** False on a chain without sprint params. */
  public boolean enabled() {
    return ctx != null;
  }

  /** True for the sprint message kinds. */
  public static boolean isSprint(Msg msg) {
    return switch (msg.getSumCase()) {
      case REGISTER_WORKER, SPRINT_COMMIT, SPRINT_REVEAL, AUDIT_RESULT, SPRINT_DIGESTS, DISPUTE ->
          true;
      default -> false;
    };
  }

  public void apply(int index, Msg msg, Address signer, WorkingState branch, List<Event> events)
      throws TxRejectedException {
    if (ctx == null) {
      throw new TxRejectedException(
          RejectReason.SPRINTS_DISABLED, "msgs[" + index + "]: this chain has no sprints");
    }
    switch (msg.getSumCase()) {
      case REGISTER_WORKER ->
          new WorkerMsgRules(ctx).register(msg.getRegisterWorker(), signer, branch, events);
      case SPRINT_COMMIT ->
          new WorkerMsgRules(ctx).commit(msg.getSprintCommit(), signer, branch, events);
      case SPRINT_REVEAL ->
          new WorkerMsgRules(ctx).reveal(msg.getSprintReveal(), signer, branch, events);
      case AUDIT_RESULT ->
          new AuditMsgRules(ctx).audit(msg.getAuditResult(), signer, branch, events);
      case SPRINT_DIGESTS ->
          new AuditMsgRules(ctx).digests(msg.getSprintDigests(), signer, branch, events);
      case DISPUTE -> new DisputeMsgRules(ctx).step(msg.getDispute(), signer, branch, events);
      default -> throw new IllegalArgumentException("not a sprint message: " + msg.getSumCase());
    }
  }
}
