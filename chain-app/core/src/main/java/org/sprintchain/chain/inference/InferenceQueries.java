package org.sprintchain.chain.inference;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import org.sprintchain.chain.crypto.Address;
import org.sprintchain.chain.state.ChainState;

/**
 * The market's read paths, answered as JSON from one committed state (field order fixed):
 *
 * <ul>
 *   <li>{@code /inference/params}, {@code /inference/models}
 *   <li>{@code /inference/job/<id>} (also {@code /inference/<id>}): the whole job record
 *   <li>{@code /inference/assigned/<executor>}: the jobs it must execute now
 *   <li>{@code /inference/audits/<auditor>}: the sampled jobs it must verify and has not yet
 *   <li>{@code /inference/executor/<address>}: its stats and open jobs
 *   <li>{@code /inference/ledger}: tokens in escrow and burned
 * </ul>
 *
 * A malformed argument or a chain without inference throws {@link IllegalArgumentException}.
 */
public final class InferenceQueries {
  /** The store key of job {@code id}'s record, for proofs of {@code /inference/job/<id>}. */
  public static byte[] jobStoreKey(long id) {
    return InferenceKeys.job(id);
  }

  private static final String PREFIX = "/inference/";

  private final InferenceState market;
  private final InferenceParams params;

  private InferenceQueries(InferenceState market, InferenceParams params) {
    this.market = market;
    this.params = params;
  }

  public static boolean owns(String path) {
    return path.startsWith(PREFIX);
  }

  /**
   * Answers {@code path} from {@code chain}.
   *
   * @throws IllegalArgumentException for a malformed argument or a chain without inference
   */
  public static ObjectNode answer(ChainState chain, String path) {
    InferenceState market = InferenceState.readOnly(chain);
    InferenceParams params =
        market
            .params()
            .orElseThrow(() -> new IllegalArgumentException("this chain has no inference"));
    return new InferenceQueries(market, params)
        .route(path.substring(PREFIX.length()).split("/", -1));
  }

  private ObjectNode route(String[] p) {
    if (p.length == 1 && p[0].equals("params")) {
      return InferenceJson.params(params);
    }
    if (p.length == 1 && p[0].equals("models")) {
      ObjectNode out = InferenceJson.JSON.createObjectNode();
      ArrayNode list = out.putArray("models");
      market.models().forEach(m -> list.add(InferenceJson.model(m)));
      return out;
    }
    if (p.length == 1 && p[0].equals("ledger")) {
      ObjectNode out = InferenceJson.JSON.createObjectNode();
      InferenceState.Ledger l = market.ledger();
      out.put("escrowed", l.escrowed());
      out.put("burned", l.burned());
      out.put("next_id", market.nextJobId());
      out.put("open_jobs", market.openJobs().size());
      out.put("disputes_queued", market.disputeQueue().size());
      return out;
    }
    if (p.length == 1) {
      return job(p[0]);
    }
    if (p.length == 2) {
      return switch (p[0]) {
        case "job" -> job(p[1]);
        case "assigned" -> assigned(address(p[1]));
        case "audits" -> audits(address(p[1]));
        case "executor" -> executor(address(p[1]));
        default -> throw new IllegalArgumentException("unknown inference path");
      };
    }
    throw new IllegalArgumentException("unknown inference path");
  }

  private ObjectNode job(String id) {
    if (!id.matches("[0-9]{1,18}")) {
      throw new IllegalArgumentException("expected a job id, got '" + id + "'");
    }
    long n = Long.parseLong(id);
    return InferenceJson.job(
        market.job(n).orElseThrow(() -> new IllegalArgumentException("no job " + n)));
  }

  private ObjectNode assigned(Address executor) {
    ObjectNode out = InferenceJson.JSON.createObjectNode();
    out.put("executor", executor.toString());
    ArrayNode jobs = out.putArray("jobs");
    for (long id : market.openJobs()) {
      JobRecord j = market.job(id).orElseThrow();
      if (j.status() == JobRecord.Status.ASSIGNED && j.executor().orElseThrow().equals(executor)) {
        ObjectNode n = jobs.addObject();
        n.put("id", j.id());
        n.put("model_id", j.modelId());
        n.put("input", Base64.getEncoder().encodeToString(j.input()));
        n.put("deadline", j.deadline());
      }
    }
    return out;
  }

  private ObjectNode audits(Address auditor) {
    ObjectNode out = InferenceJson.JSON.createObjectNode();
    out.put("auditor", auditor.toString());
    ArrayNode jobs = out.putArray("jobs");
    for (long id : market.openJobs()) {
      JobRecord j = market.job(id).orElseThrow();
      boolean inAudit =
          j.status() == JobRecord.Status.AUDITING || j.status() == JobRecord.Status.DISPUTED;
      boolean pending = j.auditOf(auditor).map(a -> a.verdict().isEmpty()).orElse(false);
      if (inAudit && pending) {
        ObjectNode n = jobs.addObject();
        n.put("id", j.id());
        n.put("model_id", j.modelId());
        n.put("input", Base64.getEncoder().encodeToString(j.input()));
        n.put("executor", j.executor().orElseThrow().toString());
        n.put("output_digest", InferenceJson.hex(j.outputDigest()));
        n.put("units", j.units());
        n.put("audit_deadline", j.auditDeadline());
      }
    }
    return out;
  }

  private ObjectNode executor(Address worker) {
    ObjectNode out = InferenceJson.JSON.createObjectNode();
    WorkerStats s = market.stats(worker);
    out.put("address", worker.toString());
    out.put("done", s.done());
    out.put("timeouts", s.timeouts());
    out.put("frauds", s.frauds());
    out.put("false_verdicts", s.falseVerdicts());
    out.put("bad_history", s.badHistory());
    ArrayNode open = out.putArray("open_jobs");
    for (long id : market.openJobs()) {
      JobRecord j = market.job(id).orElseThrow();
      if (j.executor().map(worker::equals).orElse(false)) {
        open.add(id);
      }
    }
    return out;
  }

  private static Address address(String s) {
    return Address.parse(s);
  }
}
