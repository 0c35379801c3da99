package org.sprintchain.testnet.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.sprintchain.client.RpcException;
import org.sprintchain.client.SprintQueries;

/**
 * The chain's sprint state as its query paths answered it, read once for a report. A chain without
 * sprints (or an app without the paths, such as CometBFT's kvstore) is a snapshot with {@link
 * #absentReason()} set, never a failed report.
 *
 * @param absentReason why there is no sprint state; empty when there is
 * @param params {@code /sprint/params}
 * @param current {@code /sprint/current}
 * @param epochs {@code /sprint/<epoch>} of each epoch the report covers that answered
 * @param disputes {@code /disputes}
 * @param disputeDetails {@code /dispute/<id>} of the latest {@link #MAX_DISPUTES} ids
 */
record SprintSnapshot(
    String absentReason,
    JsonNode params,
    JsonNode current,
    List<JsonNode> epochs,
    JsonNode disputes,
    List<JsonNode> disputeDetails) {
  static final int MAX_DISPUTES = 100;

  SprintSnapshot {
    epochs = List.copyOf(epochs);
    disputeDetails = List.copyOf(disputeDetails);
  }

  /** The reads a snapshot needs; {@link #of(SprintQueries)} is the chain's. */
  interface Source {
    JsonNode params();

    JsonNode current();

    JsonNode epoch(long epoch);

    JsonNode disputes();

    JsonNode dispute(long id);

    static Source of(SprintQueries q) {
      return new Source() {
        @Override
        public JsonNode params() {
          return q.params();
        }

        @Override
        public JsonNode current() {
          return q.current();
        }

        @Override
        public JsonNode epoch(long epoch) {
          return q.epoch(epoch);
        }

        @Override
        public JsonNode disputes() {
          return q.disputes();
        }

        @Override
        public JsonNode dispute(long id) {
          return q.dispute(id);
        }
      };
    }
  }

  static SprintSnapshot absent(String reason) {
    MissingNode none = MissingNode.getInstance();
    return new SprintSnapshot(reason, none, none, List.of(), none, List.of());
  }

  boolean present() {
    return absentReason.isEmpty();
  }

  /**
   * Reads the sprint state of {@code epochs}. Once {@code /sprint/params} answers, a later read
   * that fails is left out and named in {@code warnings}.
   */
  static SprintSnapshot read(Source source, List<Long> epochs, List<String> warnings) {
    JsonNode params;
    try {
      params = source.params();
    } catch (RpcException e) {
      return absent(
          SprintQueries.isNoSprints(e)
              ? "this chain has no sprints"
              : "no sprint state (" + e.getMessage() + ")");
    }
    JsonNode current = tryRead(source::current, "/sprint/current", warnings);
    List<JsonNode> answered = new ArrayList<>();
    for (long e : epochs) {
      JsonNode n = tryRead(() -> source.epoch(e), "/sprint/" + e, warnings);
      if (!n.isMissingNode()) {
        answered.add(n);
      }
    }
    JsonNode disputes = tryRead(source::disputes, "/disputes", warnings);
    List<JsonNode> details = new ArrayList<>();
    long next = disputes.path("next_id").asLong(0);
    for (long id = Math.max(0, next - MAX_DISPUTES); id < next; id++) {
      long i = id;
      JsonNode d = tryRead(() -> source.dispute(i), "/dispute/" + i, warnings);
      if (!d.isMissingNode()) {
        details.add(d);
      }
    }
    return new SprintSnapshot("", params, current, answered, disputes, details);
  }

  private static JsonNode tryRead(Supplier<JsonNode> read, String path, List<String> warnings) {
    try {
      return read.get();
    } catch (RpcException | IllegalArgumentException e) {
      warnings.add("sprint query " + path + " failed: " + e.getMessage());
      return MissingNode.getInstance();
    }
  }
}
