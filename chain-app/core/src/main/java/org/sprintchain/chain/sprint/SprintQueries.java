package org.sprintchain.chain.sprint;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.sprintchain.chain.crypto.Address;
import org.sprintchain.chain.state.ChainMeta;
import org.sprintchain.chain.state.ChainState;
import org.sprintchain.pocw.SprintParams;
import org.sprintchain.pocw.schedule.SprintPosition;
import org.sprintchain.pocw.schedule.SprintSchedule;

/**
 * The sprint's read paths, answered as JSON from one committed state (field order fixed):
 *
 * <ul>
 *   <li>{@code /sprint/params}; {@code /sprint/current}: the epoch and phase of the next block
 *   <li>{@code /sprint/<epoch>}: seeds, status and every worker's result once settled
 *   <li>{@code /sprint/<epoch>/<worker>}: commitment, sample, openings, auditors, result
 *   <li>{@code /sprint/<epoch>/audits/<auditor>}: the openings an auditor must recompute
 *   <li>{@code /worker/<address>}: registration, jail, deposit and recent history
 *   <li>{@code /validators}: the set with power and the verified work behind it
 *   <li>{@code /disputes} (open ones) and {@code /dispute/<id>}
 * </ul>
 *
 * Answers are {@link Optional#empty()} for a path this class does not own; a malformed argument
 * throws {@link IllegalArgumentException} with the reason.
 */
public final class SprintQueries {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final int HISTORY = 20;

  private final ChainState chain;
  private final SprintState state;
  private final SprintParams params;
  private final SprintSchedule schedule;
  private final long height;

  private SprintQueries(ChainState chain, SprintParams params, long height) {
    this.chain = chain;
    this.state = SprintState.readOnly(chain);
    this.params = params;
    this.schedule =
        new SprintSchedule(params, chain.chainMeta().map(ChainMeta::initialHeight).orElse(1L));
    this.height = height;
  }

  /** True for the paths answered here. */
  public static boolean owns(String path) {
    return path.startsWith("/sprint/")
        || path.startsWith("/worker/")
        || path.equals("/validators")
        || path.equals("/disputes")
        || path.startsWith("/dispute/");
  }

  /**
   * Answers {@code path} at committed {@code height}.
   *
   * @throws IllegalArgumentException for a malformed argument or a chain without sprints
   */
  public static ObjectNode answer(ChainState chain, String path, long height) {
    SprintParams params =
        SprintState.readOnly(chain)
            .params()
            .orElseThrow(() -> new IllegalArgumentException("this chain has no sprints"));
    return new SprintQueries(chain, params, height).route(path);
  }

  private ObjectNode route(String path) {
    String[] p = path.substring(1).split("/", -1);
    return switch (p[0]) {
      case "validators" -> validators();
      case "disputes" -> disputes();
      case "dispute" -> DisputeJson.of(dispute(p));
      case "worker" ->
          WorkerJson.worker(state, address(p, 1), HISTORY, schedule.at(height).epoch());
      default -> sprint(p);
    };
  }

  private ObjectNode sprint(String[] p) {
    if (p.length == 2 && p[1].equals("params")) {
      return SprintParamsJson.toJson(params);
    }
    if (p.length == 2 && p[1].equals("current")) {
      return current();
    }
    long epoch = number(p, 1);
    if (p.length == 2) {
      return WorkerJson.epoch(state, epoch);
    }
    if (p.length == 3) {
      return WorkerJson.workerInEpoch(state, params, epoch, address(p, 2));
    }
    if (p.length == 4 && p[2].equals("audits")) {
      return WorkerJson.audits(state, params, epoch, address(p, 3));
    }
    throw new IllegalArgumentException("unknown sprint path");
  }

  private ObjectNode current() {
    SprintPosition next = schedule.at(height + 1);
    ObjectNode out = JSON.createObjectNode();
    out.put("height", height);
    out.put("epoch", next.epoch());
    out.put("phase", next.phase().name());
    out.put("phase_start", next.phaseStart());
    out.put("phase_end", next.phaseEnd());
    out.put("seed_height", schedule.seedHeight(next.epoch()));
    out.put("commit_deadline", schedule.commitDeadline(next.epoch()));
    out.put("audit_seed_height", schedule.auditSeedHeight(next.epoch()));
    out.put("settle_height", schedule.settleHeight(next.epoch()));
    Optional<EpochRecord> record = state.epoch(next.epoch());
    out.put("seed", record.map(r -> hex(r.seed())).orElse(""));
    out.put("model_preset", params.modelPreset());
    out.put("difficulty_target", params.difficultyTarget().hex());
    out.put("workers", state.workers().size());
    out.put("open_disputes", state.openDisputes().size());
    return out;
  }

  private ObjectNode validators() {
    ObjectNode out = JSON.createObjectNode();
    ArrayNode list = out.putArray("validators");
    long total = 0;
    for (var e : state.validators().entrySet()) {
      ObjectNode v = list.addObject();
      byte[] key = e.getKey().bytes();
      v.put("pub_key", hex(key));
      v.put("address", Address.fromPublicKey(key).toString());
      v.put("power", e.getValue());
      Optional<Address> operator = state.operatorOfKey(key);
      v.put("operator", operator.map(Address::toString).orElse(""));
      v.put("last_work", operator.flatMap(state::worker).map(WorkerRecord::lastWork).orElse(0L));
      total += e.getValue();
    }
    out.put("total_power", total);
    return out;
  }

  private ObjectNode disputes() {
    ObjectNode out = JSON.createObjectNode();
    ArrayNode open = out.putArray("open");
    for (long id : state.openDisputes()) {
      state.dispute(id).ifPresent(d -> open.add(DisputeJson.of(d)));
    }
    out.put("next_id", state.nextDisputeId());
    return out;
  }

  private DisputeRecord dispute(String[] p) {
    long id = number(p, 1);
    return state.dispute(id).orElseThrow(() -> new IllegalArgumentException("no dispute " + id));
  }

  private static long number(String[] p, int i) {
    if (p.length <= i || !p[i].matches("[0-9]{1,18}")) {
      throw new IllegalArgumentException("expected a number at path segment " + (i + 1));
    }
    return Long.parseLong(p[i]);
  }

  private static Address address(String[] p, int i) {
    if (p.length <= i) {
      throw new IllegalArgumentException("expected an address at path segment " + (i + 1));
    }
    return Address.parse(p[i]);
  }

  static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }

  static void putIndices(ObjectNode out, String field, List<Long> indices) {
    ArrayNode a = out.putArray(field);
    indices.forEach(a::add);
  }

  ChainState chain() {
    return chain;
  }
}
