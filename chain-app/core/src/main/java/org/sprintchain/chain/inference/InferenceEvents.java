package org.sprintchain.chain.inference;

import org.sprintchain.chain.crypto.Address;
import org.sprintchain.chain.exec.Event;

/** The inference events (docs/inference.md §6); every attribute is indexed. */
final class InferenceEvents {
  private InferenceEvents() {}

  static Event request(JobRecord j) {
    return Event.indexed(
        "inference_request",
        "id",
        Long.toString(j.id()),
        "payer",
        j.payer().toString(),
        "model_id",
        j.modelId(),
        "max_fee",
        Long.toString(j.maxFee()),
        "input_bytes",
        Integer.toString(j.input().length));
  }

  static Event assigned(JobRecord j) {
    return Event.indexed(
        "inference_assigned",
        "id",
        Long.toString(j.id()),
        "executor",
        j.executor().orElseThrow().toString(),
        "deadline",
        Long.toString(j.deadline()));
  }

  static Event result(JobRecord j, long refund) {
    return Event.indexed(
        "inference_result",
        "id",
        Long.toString(j.id()),
        "executor",
        j.executor().orElseThrow().toString(),
        "output_digest",
        InferenceJson.hex(j.outputDigest()),
        "units",
        Long.toString(j.units()),
        "fee",
        Long.toString(j.fee()),
        "refund",
        Long.toString(refund));
  }

  static Event audit(JobRecord j) {
    StringBuilder auditors = new StringBuilder();
    for (JobRecord.Audit a : j.audits()) {
      auditors.append(auditors.length() == 0 ? "" : ",").append(a.auditor());
    }
    return Event.indexed(
        "inference_audit",
        "id",
        Long.toString(j.id()),
        "sampled",
        Boolean.toString(j.status() == JobRecord.Status.AUDITING),
        "auditors",
        auditors.toString(),
        "audit_deadline",
        Long.toString(j.auditDeadline()));
  }

  static Event verdict(JobRecord j, Address auditor, boolean agrees) {
    return Event.indexed(
        "inference_verdict",
        "id",
        Long.toString(j.id()),
        "auditor",
        auditor.toString(),
        "agrees",
        Boolean.toString(agrees));
  }

  static Event disputeOpened(JobRecord j, Address auditor) {
    return Event.indexed(
        "inference_dispute",
        "id",
        Long.toString(j.id()),
        "status",
        "opened",
        "executor",
        j.executor().orElseThrow().toString(),
        "auditor",
        auditor.toString(),
        "winner",
        "",
        "slashed",
        "0");
  }

  static Event disputeResolved(JobRecord j, boolean executorHonest, long slashed) {
    return Event.indexed(
        "inference_dispute",
        "id",
        Long.toString(j.id()),
        "status",
        "resolved",
        "executor",
        j.executor().orElseThrow().toString(),
        "auditor",
        "",
        "winner",
        executorHonest ? "executor" : "auditors",
        "slashed",
        Long.toString(slashed));
  }

  static Event refund(JobRecord j, long amount, String reason) {
    return Event.indexed(
        "inference_refund",
        "id",
        Long.toString(j.id()),
        "payer",
        j.payer().toString(),
        "amount",
        Long.toString(amount),
        "reason",
        reason);
  }

  static Event settle(JobRecord j, long executorPaid, long auditorsPaid, long burned) {
    return Event.indexed(
        "inference_settle",
        "id",
        Long.toString(j.id()),
        "status",
        j.status().name(),
        "executor",
        j.executor().map(Address::toString).orElse(""),
        "executor_paid",
        Long.toString(executorPaid),
        "auditors_paid",
        Long.toString(auditorsPaid),
        "burned",
        Long.toString(burned));
  }
}
