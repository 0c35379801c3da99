package org.sprintchain.testnet.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.LongUnaryOperator;
import org.sprintchain.chain.crypto.Address;
import org.sprintchain.testnet.TestnetStatus;

/**
 * Turns a {@link SprintSnapshot} into the report's sprint facts: per epoch its status and each
 * worker's verified work, power and outcome, the audits (passed of audited) and the slashes; over
 * the run the totals and the disputes. Workers are named by node where their operator address is a
 * local node's consensus key. A snapshot without sprints leaves every fact {@link
 * TestnetStatus#NOT_YET}.
 */
final class SprintSummary {
  static final String PENDING = "pending";
  private static final String PASSED = "PASSED";
  private static final String ABSENT = "ABSENT";

  private final SprintSnapshot snap;
  private final Map<String, String> nodeByOperator;
  private final Map<Long, JsonNode> byEpoch = new TreeMap<>();

  SprintSummary(SprintSnapshot snap, Map<String, String> nodeByOperator) {
    this.snap = snap;
    this.nodeByOperator = Map.copyOf(nodeByOperator);
    snap.epochs().forEach(e -> byEpoch.put(e.path("epoch").asLong(), e));
  }

  /** Operator address (bech32) to node name, from CometBFT's hex validator address to node. */
  static Map<String, String> nodeByOperator(Map<String, String> nodeByHexAddress) {
    Map<String, String> out = new TreeMap<>();
    nodeByHexAddress.forEach(
        (hex, node) -> {
          String op = operatorOf(hex);
          if (!op.isEmpty()) {
            out.put(op, node);
          }
        });
    return out;
  }

  /** The sprint operator of a CometBFT validator address: the same 20 bytes, as bech32. */
  static String operatorOf(String hexAddress) {
    try {
      return Address.fromBytes(HexFormat.of().parseHex(hexAddress)).toString();
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  boolean present() {
    return snap.present();
  }

  /** The node of {@code operator}, or the start of its address. */
  String name(String operator) {
    String node = nodeByOperator.get(operator);
    return node != null ? node : operator.substring(0, Math.min(12, operator.length()));
  }

  /** The phase of the next block, e.g. {@code REVEAL (epoch 7)}. */
  String phase() {
    JsonNode c = snap.current();
    if (!present() || c.isMissingNode()) {
      return TestnetStatus.NOT_YET;
    }
    return c.path("phase").asText() + " (epoch " + c.path("epoch").asLong() + ")";
  }

  /**
   * Fills one epoch row of the report: {@code sprint_phase}, {@code audits}, {@code slashes}, a
   * {@code sprint} object with the epoch record, and each validator's {@code verified_work}, {@code
   * verified_power} and {@code outcome}.
   */
  void fillEpoch(ObjectNode row) {
    JsonNode e = byEpoch.get(row.path("epoch").asLong());
    if (!present() || e == null) {
      String none = present() ? "-" : TestnetStatus.NOT_YET;
      row.put("sprint_phase", none);
      row.put("audits", none);
      row.put("slashes", none);
      for (JsonNode v : row.path("validators")) {
        ((ObjectNode) v).put("verified_work", none);
      }
      return;
    }
    String status = e.path("status").asText();
    boolean settled = isSettled(status);
    row.put("sprint_phase", phaseOf(e));
    row.put("audits", settled ? auditsText(List.of(e)) : unsettled(status));
    row.put("slashes", settled ? slashesText(List.of(e), false) : unsettled(status));
    row.set("sprint", epochFacts(e));
    for (JsonNode v : row.path("validators")) {
      ObjectNode vn = (ObjectNode) v;
      Optional<JsonNode> worker = workerOf(e, operatorOf(vn.path("address").asText()));
      if (!settled) {
        vn.put("verified_work", unsettled(status));
      } else if (worker.isEmpty() || !worker.get().has("outcome")) {
        vn.put("verified_work", "not a worker");
      } else {
        JsonNode w = worker.get();
        vn.put("verified_work", w.path("work").asLong());
        vn.put("verified_power", w.path("power").asLong());
        vn.put("outcome", w.path("outcome").asText());
      }
    }
  }

  /** The report's top-level {@code sprints} object. */
  ObjectNode overview(ObjectMapper json) {
    ObjectNode o = json.createObjectNode();
    o.put("enabled", present());
    if (!present()) {
      o.put("reason", snap.absentReason());
      return o;
    }
    o.set("params", snap.params());
    o.set("current", snap.current());
    Map<String, Integer> statuses = new TreeMap<>();
    byEpoch.values().forEach(e -> statuses.merge(e.path("status").asText(), 1, Integer::sum));
    ObjectNode st = o.putObject("epochs_by_status");
    statuses.forEach(st::put);
    List<JsonNode> settled = settledEpochs();
    ObjectNode audits = o.putObject("audits");
    Map<String, Integer> outcomes = new TreeMap<>();
    int audited = 0;
    for (JsonNode e : settled) {
      for (JsonNode w : e.path("workers")) {
        if (w.has("outcome")) {
          outcomes.merge(w.path("outcome").asText(), 1, Integer::sum);
          audited += ABSENT.equals(w.path("outcome").asText()) ? 0 : 1;
        }
      }
    }
    audits.put("audited", audited);
    audits.put("passed", outcomes.getOrDefault(PASSED, 0));
    ObjectNode byOutcome = audits.putObject("outcomes");
    outcomes.forEach(byOutcome::put);
    o.put("slashed_total", slashedTotal(settled));
    ArrayNode slashes = o.putArray("slashes");
    for (JsonNode e : settled) {
      for (JsonNode w : e.path("workers")) {
        if (w.path("slashed").asLong() > 0) {
          slashes
              .addObject()
              .put("epoch", e.path("epoch").asLong())
              .put("node", name(w.path("operator").asText()))
              .put("operator", w.path("operator").asText())
              .put("outcome", w.path("outcome").asText())
              .put("slashed", w.path("slashed").asLong());
        }
      }
    }
    ObjectNode work = o.putObject("verified_work");
    verifiedWork(settled).forEach(work::put);
    o.set("disputes", disputes(json));
    return o;
  }

  /** The report's top-level {@code audits}: passed of audited over the settled epochs. */
  String auditsText() {
    return present() ? auditsText(settledEpochs()) : TestnetStatus.NOT_YET;
  }

  /** The report's top-level {@code slashes}: the total and who was slashed for what. */
  String slashesText() {
    return present() ? slashesText(settledEpochs(), true) : TestnetStatus.NOT_YET;
  }

  /** The report's top-level {@code verified_work}: each node's work over the settled epochs. */
  String verifiedWorkText() {
    if (!present()) {
      return TestnetStatus.NOT_YET;
    }
    Map<String, Long> work = verifiedWork(settledEpochs());
    if (work.isEmpty()) {
      return "none settled";
    }
    List<String> parts = new ArrayList<>();
    work.forEach((node, w) -> parts.add(node + ": " + w));
    return String.join(", ", parts) + " (settled epochs: " + settledEpochs().size() + ")";
  }

  /**
   * Each worker's voting power from verified work, as points at the height where CometBFT applies
   * the set of a SETTLED epoch (a FAILED one keeps the previous set), by node.
   */
  Map<String, List<double[]>> verifiedPower(LongUnaryOperator effectiveHeight) {
    Map<String, List<double[]>> out = new TreeMap<>();
    for (JsonNode e : byEpoch.values()) {
      if (!"SETTLED".equals(e.path("status").asText())) {
        continue;
      }
      double x = effectiveHeight.applyAsLong(e.path("epoch").asLong());
      for (JsonNode w : e.path("workers")) {
        if (w.has("power")) {
          out.computeIfAbsent(name(w.path("operator").asText()), k -> new ArrayList<>())
              .add(new double[] {x, w.path("power").asLong()});
        }
      }
    }
    return out;
  }

  private ObjectNode epochFacts(JsonNode e) {
    ObjectNode o = e.deepCopy();
    o.remove("epoch");
    for (JsonNode w : o.path("workers")) {
      ((ObjectNode) w).put("node", name(w.path("operator").asText()));
    }
    if (isSettled(e.path("status").asText())) {
      int audited = 0;
      int passed = 0;
      for (JsonNode w : e.path("workers")) {
        String outcome = w.path("outcome").asText(ABSENT);
        audited += ABSENT.equals(outcome) ? 0 : 1;
        passed += PASSED.equals(outcome) ? 1 : 0;
      }
      o.put("audited", audited);
      o.put("audits_passed", passed);
      o.put("slashed_total", slashedTotal(List.of(e)));
    }
    return o;
  }

  private ObjectNode disputes(ObjectMapper json) {
    ObjectNode d = json.createObjectNode();
    d.put("next_id", snap.disputes().path("next_id").asLong());
    d.put("open", snap.disputes().path("open").size());
    int resolved = 0;
    Map<String, Integer> winners = new TreeMap<>();
    ArrayNode list = d.putArray("list");
    for (JsonNode x : snap.disputeDetails()) {
      if ("RESOLVED".equals(x.path("status").asText())) {
        resolved++;
        winners.merge(x.path("winner").asText(), 1, Integer::sum);
      }
      ObjectNode row = x.deepCopy();
      row.put("worker_node", name(x.path("worker").asText()));
      row.put("auditor_node", name(x.path("auditor").asText()));
      list.add(row);
    }
    d.put("resolved", resolved);
    ObjectNode won = d.putObject("won_by");
    winners.forEach(won::put);
    return d;
  }

  private String auditsText(List<JsonNode> epochs) {
    int audited = 0;
    int passed = 0;
    List<String> failed = new ArrayList<>();
    for (JsonNode e : epochs) {
      for (JsonNode w : e.path("workers")) {
        String outcome = w.path("outcome").asText(ABSENT);
        if (ABSENT.equals(outcome)) {
          continue;
        }
        audited++;
        if (PASSED.equals(outcome)) {
          passed++;
        } else {
          failed.add(prefix(e, epochs) + name(w.path("operator").asText()) + " " + outcome);
        }
      }
    }
    if (audited == 0) {
      return "none audited";
    }
    String text = passed + "/" + audited + " passed";
    return failed.isEmpty() ? text : text + " (" + String.join(", ", failed) + ")";
  }

  private String slashesText(List<JsonNode> epochs, boolean withEpoch) {
    long total = slashedTotal(epochs);
    if (total == 0) {
      return "0";
    }
    List<String> who = new ArrayList<>();
    for (JsonNode e : epochs) {
      for (JsonNode w : e.path("workers")) {
        long s = w.path("slashed").asLong();
        if (s > 0) {
          who.add(
              (withEpoch ? "epoch " + e.path("epoch").asLong() + " " : "")
                  + name(w.path("operator").asText())
                  + " "
                  + w.path("outcome").asText()
                  + " "
                  + s);
        }
      }
    }
    return total + " (" + String.join(", ", who) + ")";
  }

  private static String prefix(JsonNode e, List<JsonNode> epochs) {
    return epochs.size() > 1 ? "epoch " + e.path("epoch").asLong() + " " : "";
  }

  private Map<String, Long> verifiedWork(List<JsonNode> settled) {
    Map<String, Long> out = new TreeMap<>();
    for (JsonNode e : settled) {
      for (JsonNode w : e.path("workers")) {
        if (w.has("work")) {
          out.merge(name(w.path("operator").asText()), w.path("work").asLong(), Long::sum);
        }
      }
    }
    return out;
  }

  private static long slashedTotal(List<JsonNode> epochs) {
    long total = 0;
    for (JsonNode e : epochs) {
      for (JsonNode w : e.path("workers")) {
        total += w.path("slashed").asLong();
      }
    }
    return total;
  }

  private List<JsonNode> settledEpochs() {
    return byEpoch.values().stream().filter(e -> isSettled(e.path("status").asText())).toList();
  }

  /** The epoch's status; the open epoch of the next block also names its phase. */
  private String phaseOf(JsonNode e) {
    String status = e.path("status").asText();
    JsonNode c = snap.current();
    if ("OPEN".equals(status) && c.path("epoch").asLong(-1) == e.path("epoch").asLong()) {
      return status + " (" + c.path("phase").asText() + ")";
    }
    return status;
  }

  private static boolean isSettled(String status) {
    return "SETTLED".equals(status) || "FAILED".equals(status);
  }

  private static String unsettled(String status) {
    return "OPEN".equals(status) ? PENDING : "-";
  }

  private static Optional<JsonNode> workerOf(JsonNode epoch, String operator) {
    for (JsonNode w : epoch.path("workers")) {
      if (w.path("operator").asText().equals(operator)) {
        return Optional.of(w);
      }
    }
    return Optional.empty();
  }
}
