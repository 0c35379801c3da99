package org.sprintchain.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Optional;
import org.sprintchain.chain.crypto.Address;
import org.sprintchain.client.RpcException;
import org.sprintchain.client.SprintQueries;

/**
 * What {@code sprint status} shows, as the app answered it: {@code /sprint/current}, {@code
 * /validators}, the last settled epoch, optionally one worker, and the node-local worker file.
 *
 * @param node the RPC URL asked
 * @param lastSettled {@code /sprint/<e>} of the latest epoch before the current one that is SETTLED
 *     or FAILED, among the last {@value #SETTLED_LOOKBACK}
 */
record SprintStatus(
    String node,
    JsonNode current,
    JsonNode validators,
    Optional<JsonNode> lastSettled,
    Optional<Worker> worker,
    LocalWorker local) {
  static final int SETTLED_LOOKBACK = 3;
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One worker's state: {@code /sprint/<current epoch>/<worker>} and {@code /worker/<worker>} (or
   * why the latter failed, e.g. not registered).
   */
  record Worker(
      String address, JsonNode inEpoch, Optional<JsonNode> record, Optional<String> problem) {}

  /**
   * The node's {@code worker-status.json}: its path when a node home is known, its content when it
   * exists, or why it could not be read.
   */
  record LocalWorker(Optional<Path> file, Optional<JsonNode> doc, Optional<String> problem) {
    static LocalWorker none() {
      return new LocalWorker(Optional.empty(), Optional.empty(), Optional.empty());
    }

    static LocalWorker readFrom(Path home) {
      Path file = home.resolve(WorkerStatusFile.NAME);
      try {
        return new LocalWorker(Optional.of(file), WorkerStatusFile.read(home), Optional.empty());
      } catch (IllegalArgumentException e) {
        return new LocalWorker(Optional.of(file), Optional.empty(), Optional.of(e.getMessage()));
      }
    }
  }

  /** Asks the node; a chain without sprints fails here with the app's answer. */
  static SprintStatus fetch(
      String node, SprintQueries queries, Optional<Address> worker, LocalWorker local) {
    JsonNode current = queries.current();
    JsonNode validators = queries.validators();
    long epoch = current.path("epoch").asLong();
    Optional<JsonNode> settled = Optional.empty();
    for (long e = epoch - 1; e >= 0 && e >= epoch - SETTLED_LOOKBACK && settled.isEmpty(); e--) {
      JsonNode doc = queries.epoch(e);
      String status = doc.path("status").asText();
      if (status.equals("SETTLED") || status.equals("FAILED")) {
        settled = Optional.of(doc);
      }
    }
    return new SprintStatus(
        node, current, validators, settled, worker.map(w -> fetchWorker(queries, epoch, w)), local);
  }

  private static Worker fetchWorker(SprintQueries queries, long epoch, Address w) {
    JsonNode inEpoch = queries.workerInEpoch(epoch, w);
    try {
      return new Worker(w.toString(), inEpoch, Optional.of(queries.worker(w)), Optional.empty());
    } catch (RpcException e) {
      return new Worker(w.toString(), inEpoch, Optional.empty(), Optional.of(e.getMessage()));
    }
  }

  /** The {@code --json} form: the app's answers as they came, under fixed names. */
  ObjectNode toJson() {
    ObjectNode out = JSON.createObjectNode();
    out.put("node", node);
    out.set("current", current);
    out.set("validators", validators);
    out.set("last_settled", lastSettled.orElse(JSON.nullNode()));
    worker.ifPresent(
        w -> {
          ObjectNode o = out.putObject("worker");
          o.put("address", w.address());
          o.set("epoch", w.inEpoch());
          o.set("record", w.record().orElse(JSON.nullNode()));
          w.problem().ifPresent(p -> o.put("problem", p));
        });
    ObjectNode l = out.putObject("worker_status");
    l.put("file", local.file().map(Path::toString).orElse(""));
    l.set("status", local.doc().orElse(JSON.nullNode()));
    local.problem().ifPresent(p -> l.put("problem", p));
    return out;
  }
}
