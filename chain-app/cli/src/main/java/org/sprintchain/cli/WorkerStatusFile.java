package org.sprintchain.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The node-local figures of a node's sprint worker, which the chain does not hold: {@code <node
 * home>/worker-status.json}, rewritten by the node's worker, with the fields {@code epoch, phase,
 * nonces_per_second, nonces, winners, committed, revealed, audits_sent, digests_sent,
 * disputes_stepped, last_error, updated_at} (see the cli README).
 */
final class WorkerStatusFile {
  static final String NAME = "worker-status.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private WorkerStatusFile() {}

  /**
   * The file's JSON object in {@code home}; empty when there is no such file.
   *
   * @throws IllegalArgumentException when the file exists but is not a JSON object
   */
  static Optional<JsonNode> read(Path home) {
    Path file = home.resolve(NAME);
    try {
      JsonNode doc = JSON.readTree(Files.readString(file));
      if (doc == null || !doc.isObject()) {
        throw new IllegalArgumentException(file + " is not a JSON object");
      }
      return Optional.of(doc);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
