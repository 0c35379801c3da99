package org.sprintchain.chain.inference;

import java.util.ArrayList;
import java.util.List;
import org.sprintchain.chain.crypto.Address;
import org.sprintchain.chain.sprint.SprintState;
import org.sprintchain.chain.sprint.WorkerRecord;
import org.sprintchain.pocw.SprintParams;
import org.sprintchain.pocw.schedule.SprintSchedule;

/**
 * Where an inference rule runs: the market's params, the sprint's (for the epoch and the jail term)
 * and the height of the block (for CheckTx, the next height).
 */
record InferenceContext(
    InferenceParams params, SprintParams sprint, SprintSchedule schedule, long height) {

  long epoch() {
    return schedule.at(height).epoch();
  }

  /**
   * The workers that may be drawn now, in address order, with their verified work: registered, not
   * jailed in this epoch, and holding at least {@code worker_deposit} (so a penalty has something
   * to take).
   */
  List<WeightedDraw.Candidate> eligible(SprintState sprint) {
    long epoch = epoch();
    List<WeightedDraw.Candidate> out = new ArrayList<>();
    for (Address w : sprint.workers()) {
      WorkerRecord r = sprint.worker(w).orElseThrow();
      if (r.jailedThrough() < epoch && r.deposit() >= this.sprint.slash().workerDeposit()) {
        out.add(new WeightedDraw.Candidate(w, r.lastWork()));
      }
    }
    return out;
  }
}
