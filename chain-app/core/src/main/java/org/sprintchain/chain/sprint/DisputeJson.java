package org.sprintchain.chain.sprint;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A dispute as the query paths show it. */
final class DisputeJson {
  private DisputeJson() {}

  static ObjectNode of(DisputeRecord d) {
    ObjectNode out = SprintQueries.JSON.createObjectNode();
    out.put("id", d.id());
    out.put("epoch", d.epoch());
    out.put("worker", d.worker().toString());
    out.put("auditor", d.auditor().toString());
    out.put("index", d.index());
    out.put("nonce", Long.toUnsignedString(d.nonce()));
    out.put("status", d.status().name());
    out.put("step", d.step());
    out.put("winner", d.winner().name());
    out.put("deadline", d.deadline());
    out.put("worker_trace", d.workerTrace().isPresent());
    out.put("auditor_trace", d.auditorTrace().isPresent());
    return out;
  }
}
