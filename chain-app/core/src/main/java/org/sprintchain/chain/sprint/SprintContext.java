package org.sprintchain.chain.sprint;

import org.sprintchain.chain.tx.RejectReason;
import org.sprintchain.chain.tx.TxRejectedException;
import org.sprintchain.pocw.SprintParams;
import org.sprintchain.pocw.schedule.Phase;
import org.sprintchain.pocw.schedule.SprintPosition;
import org.sprintchain.pocw.schedule.SprintSchedule;

/**
 * Where a sprint message is applied: the params, the schedule and the height of the block (for
 * CheckTx, the next height).
 */
public record SprintContext(SprintParams params, SprintSchedule schedule, long height) {
  public SprintPosition position() {
    return schedule.at(height);
  }

  /** Refuses unless {@code height} is in {@code phase} of {@code epoch}. */
  void requirePhase(String what, long epoch, Phase phase) throws TxRejectedException {
    SprintPosition pos = position();
    if (pos.epoch() != epoch || pos.phase() != phase) {
      throw new TxRejectedException(
          RejectReason.WRONG_PHASE,
          what
              + " for epoch "
              + Long.toUnsignedString(epoch)
              + " is accepted in its "
              + phase
              + " phase; height "
              + height
              + " is in "
              + pos.phase()
              + " of epoch "
              + pos.epoch());
    }
  }

  static TxRejectedException reject(RejectReason reason, String message) {
    return new TxRejectedException(reason, message);
  }
}
