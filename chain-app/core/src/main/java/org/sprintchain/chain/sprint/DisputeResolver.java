package org.sprintchain.chain.sprint;

import java.util.Arrays;
import java.util.List;
import java.util.SortedSet;
import org.sprintchain.chain.crypto.Address;
import org.sprintchain.chain.exec.Event;
import org.sprintchain.chain.state.WorkingState;
import org.sprintchain.model.LayerDispute;
import org.sprintchain.model.ModelParams;
import org.sprintchain.model.Sha256;
import org.sprintchain.pocw.audit.AuditOutcome;

/**
 * Settles disputes at the end of a block: re-executes the one contested step of every READY dispute
 * on the CPU reference, in id order, while the block's {@code dispute_budget_per_block} lasts (the
 * rest wait for the next block), and decides disputes whose deadline passed by default.
 */
final class DisputeResolver {
  private final SprintContext ctx;
  private final WorkingState state;
  private final SprintState sprint;

  DisputeResolver(SprintContext ctx, WorkingState state) {
    this.ctx = ctx;
    this.state = state;
    this.sprint = SprintState.of(state);
  }

  void run(List<Event> events) {
    long budget = ctx.params().disputeBudgetPerBlock();
    ModelParams model = ModelParams.preset(ctx.params().modelPreset());
    SortedSet<Long> open = sprint.openDisputes();
    for (long id : List.copyOf(open)) {
      DisputeRecord d = sprint.dispute(id).orElseThrow();
      DisputeRecord.Side winner = DisputeRecord.Side.NONE;
      if (d.status() == DisputeRecord.Status.READY && cost(model, d.step()) <= budget) {
        budget -= cost(model, d.step());
        winner = reExecute(d, model);
      } else if (ctx.height() >= d.deadline()) {
        winner = byDefault(d);
      }
      if (winner != DisputeRecord.Side.NONE) {
        resolve(d, winner, events);
        open.remove(id);
      }
    }
    if (!open.equals(sprint.openDisputes())) {
      sprint.putDisputeIndex(sprint.nextDisputeId(), open);
    }
  }

  private static long cost(ModelParams model, int step) {
    return step >= 1 && step <= model.layers()
        ? LayerDispute.blockCost(model)
        : (long) model.seqLen() * model.dModel();
  }

  /** Runs the contested step and returns the side whose claimed hash it reproduces. */
  private DisputeRecord.Side reExecute(DisputeRecord d, ModelParams model) {
    byte[] seed = sprint.epoch(d.epoch()).orElseThrow().seed();
    DisputeRecord.Trace w = d.workerTrace().orElseThrow();
    byte[] truth;
    byte[] workerClaim;
    int step = d.step();
    if (step == 0) {
      byte[] pubkey = sprint.worker(d.worker()).orElseThrow().consensusKey();
      int[] x = LayerDispute.embedding(model, seed, pubkey, d.nonce());
      truth = Sha256.ofInts(x, 0, x.length);
      workerClaim = w.layerHashes().get(0);
    } else if (step <= model.layers()) {
      LayerDispute.Evaluation ev =
          LayerDispute.evaluateLayer(model, seed, step - 1, ints(d.residual()), Long.MAX_VALUE);
      truth = ev.outputHash();
      workerClaim = w.layerHashes().get(step);
    } else {
      truth = LayerDispute.finalDigest(model, ints(d.residual()));
      workerClaim = w.digest();
    }
    if (Arrays.equals(truth, workerClaim)) {
      return DisputeRecord.Side.WORKER;
    }
    // The worker loses whenever its claim is wrong, whether or not the auditor's is right: the
    // worker's leaf is what is under audit.
    return DisputeRecord.Side.AUDITOR;
  }

  private static DisputeRecord.Side byDefault(DisputeRecord d) {
    if (d.status() == DisputeRecord.Status.AWAITING_TRACES
        && d.workerTrace().isPresent()
        && d.auditorTrace().isEmpty()) {
      return DisputeRecord.Side.WORKER;
    }
    return DisputeRecord.Side.AUDITOR;
  }

  private void resolve(DisputeRecord d, DisputeRecord.Side winner, List<Event> events) {
    sprint.putDispute(d.resolved(winner));
    boolean workerLost = winner == DisputeRecord.Side.AUDITOR;
    Address loser = workerLost ? d.worker() : d.auditor();
    Address won = workerLost ? d.auditor() : d.worker();
    AuditOutcome outcome = workerLost ? AuditOutcome.FRAUD_PROVEN : AuditOutcome.FALSE_ACCUSATION;
    boolean challenge = d.bond() > 0;
    long slashed = 0;
    if (challenge && !workerLost) {
      slashed = d.bond(); // a losing challenger forfeits its escrowed bond (burned), nothing more
    } else if (!Penalties.alreadyPenalized(sprint, d.epoch(), loser)) {
      slashed =
          Penalties.apply(
              state, ctx.params(), loser, outcome, d.epoch(), ctx.position().epoch(), won);
    }
    if (challenge && workerLost) {
      state.putAccount(won, state.account(won).credit(d.bond()));
    }
    events.add(
        SprintEvents.disputeResolved(d, winner.name().toLowerCase(java.util.Locale.ROOT), slashed));
  }

  private static int[] ints(byte[] le) {
    int[] out = new int[le.length / 4];
    java.nio.ByteBuffer.wrap(le).order(java.nio.ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(out);
    return out;
  }
}
