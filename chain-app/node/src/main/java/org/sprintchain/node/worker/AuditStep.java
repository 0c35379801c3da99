package org.sprintchain.node.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import org.sprintchain.chain.crypto.Address;
import org.sprintchain.model.SprintModel;
import org.sprintchain.pocw.WorkerId;
import org.sprintchain.pocw.audit.AuditReport;
import org.sprintchain.proto.tx.v1.Msg;
import org.sprintchain.proto.tx.v1.MsgAuditResult;
import org.sprintchain.proto.tx.v1.Report;

/**
 * Recomputes the opened samples of the workers this node is assigned to audit, with their keys, and
 * reports {@code AuditReport.of(me, index, digest)}: a commitment to the digest that names this
 * auditor, so it can be neither guessed before the worker publishes nor copied.
 */
final class AuditStep {
  private final SprintWorker w;

  AuditStep(SprintWorker worker) {
    this.w = worker;
  }

  void audit(long epoch) {
    JsonNode plan = w.view.audits(epoch, w.me);
    if (plan.path("assignments").isEmpty()) {
      return;
    }
    byte[] seed = ChainView.hex(w.view.epoch(epoch).path("seed").asText());
    SprintModel model = w.models.get(w.preset(), seed);
    for (JsonNode a : plan.path("assignments")) {
      Address worker = Address.parse(a.path("worker").asText());
      byte[] workerKey = ChainView.hex(a.path("consensus_key").asText());
      MsgAuditResult.Builder msg =
          MsgAuditResult.newBuilder()
              .setEpoch(epoch)
              .setWorker(ByteString.copyFrom(worker.toBytes()));
      int pending = 0;
      for (JsonNode o : a.path("openings")) {
        if (o.path("reported").asBoolean()) {
          continue;
        }
        pending++;
        long index = o.path("index").asLong();
        long nonce = Long.parseUnsignedLong(o.path("nonce").asText());
        byte[] digest = model.recompute(workerKey, nonce).digest();
        byte[] report = AuditReport.of(WorkerId.of(w.me.toBytes()), index, digest);
        msg.addReports(Report.newBuilder().setIndex(index).setReport(ByteString.copyFrom(report)));
      }
      String action = "audit/" + epoch + "/" + worker + "/" + pending;
      if (pending > 0 && w.due(action)) {
        w.send(action, "audit of " + worker, Msg.newBuilder().setAuditResult(msg).build());
        w.status.auditSent();
      }
    }
  }
}
