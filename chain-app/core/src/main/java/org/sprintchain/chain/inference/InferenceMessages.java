package org.sprintchain.chain.inference;

import java.util.List;
import org.sprintchain.chain.crypto.Address;
import org.sprintchain.chain.exec.Event;
import org.sprintchain.chain.sprint.SprintState;
import org.sprintchain.chain.state.WorkingState;
import org.sprintchain.chain.tx.RejectReason;
import org.sprintchain.chain.tx.TxRejectedException;
import org.sprintchain.pocw.schedule.SprintSchedule;
import org.sprintchain.proto.tx.v1.Msg;

/** Routes the inference messages of a tx to their rules; refuses them on a chain without them. */
public final class InferenceMessages {
  private final InferenceContext ctx;

  private InferenceMessages(InferenceContext ctx) {
    this.ctx = ctx;
  }

  /** The router for a block (or CheckTx) at {@code height}; disabled without inference params. */
  public static InferenceMessages at(WorkingState state, long height, long initialHeight) {
    return new InferenceMessages(context(state, height, initialHeight));
  }

  static InferenceContext context(WorkingState state, long height, long initialHeight) {
    return InferenceState.of(state)
        .params()
        .flatMap(
            p ->
                SprintState.of(state)
                    .params()
                    .map(
                        s ->
                            new InferenceContext(
                                p, s, new SprintSchedule(s, initialHeight), height)))
        .orElse(null);
  }

  public boolean enabled() {
    return ctx != null;
  }

  /** True for the inference message kinds. */
  public static boolean isInference(Msg msg) {
    return switch (msg.getSumCase()) {
      case INFERENCE_REQUEST, INFERENCE_RESULT, INFERENCE_VERDICT -> true;
      default -> false;
    };
  }

  /** The tokens a message escrows from its signer (a request's {@code max_fee}), else 0. */
  public static long escrowOf(Msg msg) {
    return msg.hasInferenceRequest() ? msg.getInferenceRequest().getMaxFee() : 0;
  }

  public void apply(int index, Msg msg, Address signer, WorkingState branch, List<Event> events)
      throws TxRejectedException {
    if (ctx == null) {
      throw new TxRejectedException(
          RejectReason.INFERENCE_DISABLED, "msgs[" + index + "]: this chain has no inference");
    }
    String at = "msgs[" + index + "]";
    InferenceMsgRules rules = new InferenceMsgRules(ctx, branch);
    switch (msg.getSumCase()) {
      case INFERENCE_REQUEST -> rules.request(at, msg.getInferenceRequest(), signer, events);
      case INFERENCE_RESULT -> rules.result(at, msg.getInferenceResult(), signer, events);
      case INFERENCE_VERDICT -> rules.verdict(at, msg.getInferenceVerdict(), signer, events);
      default ->
          throw new IllegalArgumentException("not an inference message: " + msg.getSumCase());
    }
  }
}
