package org.sprintchain.chain.inference;

import java.util.Arrays;
import java.util.List;
import java.util.SortedSet;
import org.sprintchain.chain.crypto.Address;
import org.sprintchain.chain.exec.Event;
import org.sprintchain.chain.state.Account;
import org.sprintchain.chain.state.WorkingState;
import org.sprintchain.chain.tx.RejectReason;
import org.sprintchain.chain.tx.TxRejectedException;
import org.sprintchain.proto.tx.v1.MsgInferenceRequest;
import org.sprintchain.proto.tx.v1.MsgInferenceResult;
import org.sprintchain.proto.tx.v1.MsgInferenceVerdict;

/**
 * The three inference messages (docs/inference.md §3–§5). Each checks everything before it writes,
 * so a refused message has no effect (the executor also drops the tx's branch).
 */
final class InferenceMsgRules {
  private final InferenceContext ctx;
  private final WorkingState state;
  private final InferenceState market;

  InferenceMsgRules(InferenceContext ctx, WorkingState state) {
    this.ctx = ctx;
    this.state = state;
    this.market = InferenceState.of(state);
  }

  /** Escrows {@code max_fee} from the payer and opens a PENDING job. */
  void request(String at, MsgInferenceRequest msg, Address payer, List<Event> events)
      throws TxRejectedException {
    ModelEntry model =
        market
            .model(msg.getModelId())
            .orElseThrow(
                () ->
                    reject(
                        RejectReason.UNKNOWN_MODEL,
                        at + ": no model '" + msg.getModelId() + "' is registered"));
    byte[] input = msg.getInput().toByteArray();
    if (input.length == 0 || input.length > model.maxInputBytes()) {
      throw reject(
          RejectReason.BAD_INFERENCE_INPUT,
          at
              + ": input of "
              + input.length
              + " bytes, the model takes 1 to "
              + model.maxInputBytes());
    }
    if (model.architecture() == Architecture.MINILM_L6_V2_INT8
        && ModelRuntime.utf8(input).isEmpty()) {
      throw reject(RejectReason.BAD_INFERENCE_INPUT, at + ": input is not valid UTF-8 text");
    }
    long maxFee = msg.getMaxFee();
    if (maxFee == 0) {
      throw reject(RejectReason.BAD_MAX_FEE, at + ": max_fee must be positive");
    }
    Account account = state.account(payer);
    if (maxFee < 0 || maxFee > account.balance()) {
      throw reject(
          RejectReason.INSUFFICIENT_FUNDS,
          at + ": balance " + account.balance() + " < max_fee " + Long.toUnsignedString(maxFee));
    }
    long id = market.nextJobId();
    JobRecord job = JobRecord.requested(id, payer, model.modelId(), input, maxFee, ctx.height());
    state.putAccount(payer, account.debit(maxFee));
    market.putJob(job);
    SortedSet<Long> open = market.openJobs();
    open.add(id);
    market.putJobIndex(id + 1, open);
    market.addEscrow(maxFee);
    events.add(InferenceEvents.request(job));
  }

  /** The executor's answer: bills the units, refunds the unused escrow, holds the fee. */
  void result(String at, MsgInferenceResult msg, Address signer, List<Event> events)
      throws TxRejectedException {
    JobRecord job = job(at, msg.getRequestId());
    if (job.status() != JobRecord.Status.ASSIGNED) {
      throw reject(RejectReason.JOB_NOT_ASSIGNED, at + ": job " + job.id() + " is " + job.status());
    }
    if (!job.executor().orElseThrow().equals(signer)) {
      throw reject(
          RejectReason.NOT_EXECUTOR,
          at + ": job " + job.id() + " is assigned to " + job.executor().orElseThrow());
    }
    if (ctx.height() >= job.deadline()) {
      throw reject(
          RejectReason.DEADLINE_PASSED,
          at + ": job " + job.id() + " was due before height " + job.deadline());
    }
    byte[] output = msg.getOutput().toByteArray();
    byte[] digest = msg.getOutputDigest().toByteArray();
    if (digest.length != 32 || !Arrays.equals(digest, ModelRuntime.digest(output))) {
      throw reject(
          RejectReason.BAD_OUTPUT_DIGEST, at + ": output_digest is not SHA-256 of the output");
    }
    ModelEntry model = market.model(job.modelId()).orElseThrow();
    long units = msg.getUnits();
    if (units == 0) {
      throw reject(RejectReason.BAD_UNITS, at + ": units must be positive");
    }
    long expected = ModelRuntime.units(model, job.input());
    if (units != expected) {
      throw reject(
          RejectReason.BAD_UNITS,
          at + ": units " + Long.toUnsignedString(units) + ", the input has " + expected);
    }
    long price;
    try {
      price = Math.multiplyExact(units, model.pricePerUnit());
    } catch (ArithmeticException e) {
      throw reject(RejectReason.BAD_UNITS, at + ": units x price_per_unit overflows");
    }
    long fee = Math.min(price, job.maxFee());
    long refund = job.maxFee() - fee;
    JobRecord submitted = job.submitted(ctx.height(), digest, units, fee);
    market.putJob(submitted);
    if (refund > 0) {
      state.putAccount(job.payer(), state.account(job.payer()).credit(refund));
      market.addEscrow(-refund);
    }
    events.add(InferenceEvents.result(submitted, refund));
  }

  /**
   * An auditor's recomputed digest; the first one that contradicts the executor opens a dispute.
   */
  void verdict(String at, MsgInferenceVerdict msg, Address signer, List<Event> events)
      throws TxRejectedException {
    JobRecord job = job(at, msg.getRequestId());
    boolean open =
        job.status() == JobRecord.Status.AUDITING || job.status() == JobRecord.Status.DISPUTED;
    if (!open || ctx.height() >= job.auditDeadline()) {
      throw reject(
          RejectReason.AUDIT_CLOSED,
          at
              + ": job "
              + job.id()
              + " is "
              + job.status()
              + ", audit deadline "
              + job.auditDeadline());
    }
    JobRecord.Audit audit =
        job.auditOf(signer)
            .orElseThrow(
                () ->
                    reject(
                        RejectReason.NOT_JOB_AUDITOR,
                        at + ": " + signer + " does not audit job " + job.id()));
    if (audit.verdict().isPresent()) {
      throw reject(
          RejectReason.DUPLICATE_VERDICT, at + ": verdict for job " + job.id() + " already in");
    }
    byte[] digest = msg.getOutputDigest().toByteArray();
    if (digest.length != 32) {
      throw reject(RejectReason.BAD_OUTPUT_DIGEST, at + ": output_digest must be 32 bytes");
    }
    boolean agrees = Arrays.equals(digest, job.outputDigest());
    JobRecord updated = job.withVerdict(signer, digest);
    if (!agrees && job.status() == JobRecord.Status.AUDITING) {
      updated = updated.withStatus(JobRecord.Status.DISPUTED);
      SortedSet<Long> queue = market.disputeQueue();
      queue.add(job.id());
      market.putDisputeQueue(queue);
      events.add(InferenceEvents.disputeOpened(updated, signer));
    }
    market.putJob(updated);
    events.add(InferenceEvents.verdict(updated, signer, agrees));
  }

  private JobRecord job(String at, long id) throws TxRejectedException {
    return market
        .job(id)
        .orElseThrow(
            () ->
                reject(
                    RejectReason.NO_SUCH_JOB,
                    at + ": no inference job " + Long.toUnsignedString(id)));
  }

  private static TxRejectedException reject(RejectReason reason, String message) {
    return new TxRejectedException(reason, message);
  }
}
