package org.sprintchain.chain.sprint;

import java.util.HexFormat;
import org.sprintchain.chain.crypto.Address;
import org.sprintchain.chain.exec.Event;
import org.sprintchain.pocw.commit.WinnerCommitment;

/** The sprint events (docs/protocol.md §10); every attribute is indexed. */
final class SprintEvents {
  private SprintEvents() {}

  static Event register(Address operator, byte[] key, long deposit) {
    return Event.indexed(
        "sprint_register",
        "operator",
        operator.toString(),
        "consensus_key",
        hex(key),
        "deposit",
        Long.toString(deposit));
  }

  static Event open(long epoch, byte[] seed) {
    return Event.indexed("sprint_open", "epoch", Long.toString(epoch), "seed", hex(seed));
  }

  static Event commit(long epoch, Address worker, WinnerCommitment c) {
    return Event.indexed(
        "sprint_commit",
        "epoch",
        Long.toString(epoch),
        "worker",
        worker.toString(),
        "count",
        Long.toString(c.count()),
        "root",
        c.rootHex());
  }

  static Event reveal(long epoch, Address worker, int opened) {
    return Event.indexed(
        "sprint_reveal",
        "epoch",
        Long.toString(epoch),
        "worker",
        worker.toString(),
        "opened",
        Integer.toString(opened));
  }

  static Event auditReport(long epoch, Address worker, Address auditor, int reports) {
    return Event.indexed(
        "audit_report",
        "epoch",
        Long.toString(epoch),
        "worker",
        worker.toString(),
        "auditor",
        auditor.toString(),
        "reports",
        Integer.toString(reports));
  }

  static Event digests(long epoch, Address worker, int published, int disputes) {
    return Event.indexed(
        "sprint_digests",
        "epoch",
        Long.toString(epoch),
        "worker",
        worker.toString(),
        "published",
        Integer.toString(published),
        "disputes_opened",
        Integer.toString(disputes));
  }

  static Event dispute(
      long id, long epoch, Address worker, Address auditor, long index, String status, int step) {
    return Event.indexed(
        "dispute",
        "id",
        Long.toString(id),
        "epoch",
        Long.toString(epoch),
        "worker",
        worker.toString(),
        "auditor",
        auditor.toString(),
        "index",
        Long.toString(index),
        "status",
        status,
        "step",
        Integer.toString(step));
  }

  static Event disputeResolved(DisputeRecord d, String winner, long slashed) {
    return Event.indexed(
        "dispute_resolved",
        "id",
        Long.toString(d.id()),
        "epoch",
        Long.toString(d.epoch()),
        "winner",
        winner,
        "step",
        Integer.toString(d.step()),
        "slashed",
        Long.toString(slashed));
  }

  static Event settle(long epoch, boolean replaced, int workers, int passed, long emission) {
    return Event.indexed(
        "sprint_settle",
        "epoch",
        Long.toString(epoch),
        "replaced",
        Boolean.toString(replaced),
        "workers",
        Integer.toString(workers),
        "passed",
        Integer.toString(passed),
        "emission",
        Long.toString(emission));
  }

  static Event outcome(long epoch, Address worker, WorkerEpochResult r) {
    return Event.indexed(
        "worker_outcome",
        "epoch",
        Long.toString(epoch),
        "worker",
        worker.toString(),
        "outcome",
        r.label(),
        "work",
        Long.toString(r.work()),
        "power",
        Long.toString(r.power()),
        "reward",
        Long.toString(r.reward()),
        "slashed",
        Long.toString(r.slashed()),
        "jailed_through",
        Long.toString(r.jailedThrough()));
  }

  static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }
}
