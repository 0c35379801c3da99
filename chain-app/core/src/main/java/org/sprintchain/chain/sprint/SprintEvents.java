package org.sprintchain.chain.sprint;

import java.util.HexFormat;
import java.util.List;
import org.sprintchain.chain.crypto.Address;
import org.sprintchain.chain.exec.Event;
import org.sprintchain.chain.exec.Event.Attribute;
import org.sprintchain.pocw.commit.WinnerCommitment;

/** The sprint events (docs/protocol.md §10); every attribute is indexed. */
final class SprintEvents {
  private SprintEvents() {}

  static Event register(Address operator, byte[] key, long deposit) {
    return event(
        "sprint_register",
        "operator",
        operator.toString(),
        "consensus_key",
        hex(key),
        "deposit",
        Long.toString(deposit));
  }

  static Event open(long epoch, byte[] seed) {
    return event("sprint_open", "epoch", Long.toString(epoch), "seed", hex(seed));
  }

  static Event commit(long epoch, Address worker, WinnerCommitment c) {
    return event(
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
    return event(
        "sprint_reveal",
        "epoch",
        Long.toString(epoch),
        "worker",
        worker.toString(),
        "opened",
        Integer.toString(opened));
  }

  static Event auditReport(long epoch, Address worker, Address auditor, int reports) {
    return event(
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
    return event(
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
    return event(
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
    return event(
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
    return event(
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
    return event(
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

  private static Event event(String type, String... kv) {
    Attribute[] attrs = new Attribute[kv.length / 2];
    for (int i = 0; i < attrs.length; i++) {
      attrs[i] = new Attribute(kv[2 * i], kv[2 * i + 1], true);
    }
    return new Event(type, List.of(attrs));
  }

  static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }
}
