package org.sprintchain.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.sprintchain.client.CometRpcClient;
import org.sprintchain.client.RpcException;
import org.sprintchain.client.SprintQueries;
import org.sprintchain.testnet.NodeReport;

/**
 * The sprint columns of {@code testnet status}: each answering node's epoch and phase, and from the
 * first node that answers, {@code /sprint/current} and {@code /validators} keyed by CometBFT
 * validator address. On a chain without sprints everything is empty and shows as "-".
 *
 * @param phaseByNode "EPOCH PHASE" per node that answered {@code /sprint/current}
 * @param source the node whose {@code /sprint/current} and {@code /validators} are shown
 * @param byCometAddress the app's validators by CometBFT address (upper-case hex)
 * @param problem why there is no sprint data, when there is none
 */
record TestnetSprintInfo(
    Map<String, String> phaseByNode,
    Optional<String> source,
    Optional<JsonNode> current,
    Map<String, JsonNode> byCometAddress,
    Optional<String> problem) {
  private static final Duration TIMEOUT = Duration.ofSeconds(3);

  TestnetSprintInfo {
    phaseByNode = Map.copyOf(phaseByNode);
    byCometAddress = Map.copyOf(byCometAddress);
  }

  static TestnetSprintInfo collect(Iterable<NodeReport> nodes) {
    Map<String, String> phases = new LinkedHashMap<>();
    Optional<String> source = Optional.empty();
    Optional<JsonNode> current = Optional.empty();
    Map<String, JsonNode> validators = new LinkedHashMap<>();
    Optional<String> problem = Optional.empty();
    for (NodeReport r : nodes) {
      if (r.height().isEmpty()) {
        continue;
      }
      try (CometRpcClient rpc = new CometRpcClient(URI.create(r.rpcUrl()), TIMEOUT)) {
        SprintQueries q = new SprintQueries(rpc);
        JsonNode c = q.current();
        phases.put(r.name(), c.path("epoch").asText() + " " + c.path("phase").asText());
        if (source.isEmpty()) {
          for (JsonNode v : q.validators().path("validators")) {
            validators.put(cometAddress(v.path("pub_key").asText()), v);
          }
          source = Optional.of(r.name());
          current = Optional.of(c);
        }
      } catch (RpcException e) {
        if (SprintQueries.isNoSprints(e)) {
          problem = Optional.of("this chain has no sprints");
          break;
        }
        if (problem.isEmpty()) {
          problem = Optional.of(r.name() + ": " + e.getMessage());
        }
      }
    }
    if (source.isPresent()) {
      problem = Optional.empty();
    } else if (problem.isEmpty()) {
      problem = Optional.of("no node answers");
    }
    return new TestnetSprintInfo(phases, source, current, validators, problem);
  }

  /** CometBFT's validator address of an ed25519 key: the first 20 bytes of its SHA-256. */
  static String cometAddress(String pubKeyHex) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(HexFormat.of().parseHex(pubKeyHex));
      return HexFormat.of().withUpperCase().formatHex(digest, 0, 20);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing", e);
    } catch (IllegalArgumentException e) {
      return "?" + pubKeyHex;
    }
  }

  String phase(String node) {
    return phaseByNode.getOrDefault(node, SprintStatusView.NONE);
  }

  /** The summary line: epoch, phase with blocks left, settle height, workers, disputes. */
  String summary() {
    if (current.isEmpty()) {
      return "sprint: " + SprintStatusView.NONE + " (" + problem.orElse("") + ")";
    }
    JsonNode c = current.get();
    return String.format(
        java.util.Locale.ROOT,
        "sprint (from %s): epoch %s, phase %s (%d block(s) left), settle height %s,"
            + " %s worker(s), %s open dispute(s)",
        source.orElse("?"),
        SprintStatusView.text(c, "epoch"),
        SprintStatusView.text(c, "phase"),
        Math.max(0, c.path("phase_end").asLong() - c.path("height").asLong()),
        SprintStatusView.text(c, "settle_height"),
        SprintStatusView.text(c, "workers"),
        SprintStatusView.text(c, "open_disputes"));
  }

  /** The app's validator with this CometBFT address (upper-case hex). */
  Optional<JsonNode> validator(String cometAddress) {
    return Optional.ofNullable(byCometAddress.get(cometAddress));
  }
}
