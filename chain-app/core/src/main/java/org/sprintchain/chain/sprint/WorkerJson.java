package org.sprintchain.chain.sprint;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sprintchain.chain.crypto.Address;
import org.sprintchain.pocw.SprintParams;
import org.sprintchain.pocw.commit.WinnerCommitment;

/** The per-epoch and per-worker answers of {@link SprintQueries}. */
final class WorkerJson {
  private WorkerJson() {}

  static ObjectNode epoch(SprintState state, long epoch) {
    ObjectNode out = SprintQueries.JSON.createObjectNode();
    out.put("epoch", epoch);
    Optional<EpochRecord> r = state.epoch(epoch);
    out.put("status", r.map(e -> e.status().name()).orElse("NOT_STARTED"));
    out.put("seed", r.map(e -> SprintQueries.hex(e.seed())).orElse(""));
    out.put("passed", r.map(EpochRecord::passed).orElse(0));
    out.put("emission", r.map(EpochRecord::emission).orElse(0L));
    out.put("paid", r.map(EpochRecord::paid).orElse(0L));
    out.put("fee_pot", state.feePot(epoch));
    ArrayNode workers = out.putArray("workers");
    for (Address w : state.workers()) {
      ObjectNode o = workers.addObject();
      o.put("operator", w.toString());
      o.put("committed", state.commitment(epoch, w).map(WinnerCommitment::count).orElse(0L));
      state.result(epoch, w).ifPresent(res -> putResult(o, res));
    }
    return out;
  }

  static ObjectNode workerInEpoch(SprintState state, SprintParams params, long epoch, Address w) {
    ObjectNode out = SprintQueries.JSON.createObjectNode();
    out.put("epoch", epoch);
    out.put("worker", w.toString());
    out.put(
        "consensus_key", state.worker(w).map(r -> SprintQueries.hex(r.consensusKey())).orElse(""));
    Optional<WinnerCommitment> c = state.commitment(epoch, w);
    out.put("count", c.map(WinnerCommitment::count).orElse(0L));
    out.put("root", c.map(WinnerCommitment::rootHex).orElse(""));
    EpochAudit audit = new EpochAudit(state, params, epoch);
    Optional<long[]> sample = audit.sampleOf(w);
    out.put("sample_known", sample.isPresent());
    List<Long> sampled = new ArrayList<>();
    List<Long> opened = new ArrayList<>();
    List<Long> published = new ArrayList<>();
    for (long i : sample.orElse(new long[0])) {
      sampled.add(i);
      if (state.opening(epoch, w, i).isPresent()) {
        opened.add(i);
      }
      if (state.digest(epoch, w, i).isPresent()) {
        published.add(i);
      }
    }
    SprintQueries.putIndices(out, "sample", sampled);
    SprintQueries.putIndices(out, "opened", opened);
    SprintQueries.putIndices(out, "published", published);
    ArrayNode auditors = out.putArray("auditors");
    audit.auditorsOf(w).orElse(List.of()).forEach(a -> auditors.add(a.toString()));
    state.result(epoch, w).ifPresent(res -> putResult(out.putObject("result"), res));
    return out;
  }

  static ObjectNode audits(SprintState state, SprintParams params, long epoch, Address auditor) {
    ObjectNode out = SprintQueries.JSON.createObjectNode();
    out.put("epoch", epoch);
    out.put("auditor", auditor.toString());
    ArrayNode list = out.putArray("assignments");
    EpochAudit audit = new EpochAudit(state, params, epoch);
    for (Address w : audit.auditedBy(auditor)) {
      ObjectNode a = list.addObject();
      a.put("worker", w.toString());
      a.put(
          "consensus_key",
          state.worker(w).map(r -> SprintQueries.hex(r.consensusKey())).orElse(""));
      ArrayNode openings = a.putArray("openings");
      for (long i : audit.sampleOf(w).orElse(new long[0])) {
        Optional<SprintState.Opening> o = state.opening(epoch, w, i);
        if (o.isPresent()) {
          ObjectNode entry = openings.addObject();
          entry.put("index", i);
          entry.put("nonce", Long.toUnsignedString(o.get().nonce()));
          entry.put("reported", state.report(epoch, w, auditor, i).isPresent());
        }
      }
    }
    return out;
  }

  static ObjectNode worker(SprintState state, Address w, int history, long currentEpoch) {
    WorkerRecord r =
        state
            .worker(w)
            .orElseThrow(() -> new IllegalArgumentException(w + " is not a registered worker"));
    ObjectNode out = SprintQueries.JSON.createObjectNode();
    out.put("operator", w.toString());
    out.put("consensus_key", SprintQueries.hex(r.consensusKey()));
    out.put("consensus_address", r.consensusAddress().toString());
    out.put("deposit", r.deposit());
    out.put("jailed_through", r.jailedThrough());
    out.put("jailed", r.jailedThrough() >= currentEpoch);
    out.put("last_work", r.lastWork());
    out.put("registered_epoch", r.registeredEpoch());
    ArrayNode list = out.putArray("history");
    for (long e = Math.max(0, currentEpoch - history); e <= currentEpoch; e++) {
      Optional<WorkerEpochResult> res = state.result(e, w);
      if (res.isPresent()) {
        ObjectNode o = list.addObject();
        o.put("epoch", e);
        putResult(o, res.get());
      }
    }
    return out;
  }

  private static void putResult(ObjectNode o, WorkerEpochResult r) {
    o.put("outcome", r.label());
    o.put("count", r.count());
    o.put("work", r.work());
    o.put("power", r.power());
    o.put("reward", r.reward());
    o.put("slashed", r.slashed());
    o.put("jailed_through", r.jailedThrough());
  }
}
