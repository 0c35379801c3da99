package org.sprintchain.node.worker;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;

/**
 * The worker's progress, written as JSON to {@code <home>/worker-status.json} for {@code bin/sprint
 * sprint status}: {epoch, phase, nonces_per_second, nonces, winners, committed, revealed,
 * audits_sent, digests_sent, disputes_stepped, last_error, updated_at}. Replaced atomically.
 */
final class WorkerStatus {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path file;
  private long epoch;
  private String phase = "";
  private long rate;
  private long nonces;
  private long winners;
  private long committed;
  private long revealed;
  private long auditsSent;
  private long digestsSent;
  private long disputesStepped;
  private String lastError = "";
  private long lastEpoch = -1;

  WorkerStatus(Path file) {
    this.file = file;
  }

  synchronized void phase(long e, String p) {
    if (e != lastEpoch) {
      lastEpoch = e;
      committed = 0;
      revealed = 0;
      digestsSent = 0;
      auditsSent = 0;
    }
    epoch = e;
    phase = p;
  }

  synchronized void generation(NonceGenerator g) {
    rate = g.rate();
    nonces = g.evaluated();
    winners = g.winnerCount();
  }

  synchronized void committed(long count) {
    committed = count;
  }

  synchronized void revealed(long count) {
    revealed = count;
  }

  synchronized void digestsSent(long count) {
    digestsSent = count;
  }

  synchronized void auditSent() {
    auditsSent++;
  }

  synchronized void disputeStepped() {
    disputesStepped++;
  }

  synchronized void error(String message) {
    lastError = message == null ? "" : message;
  }

  synchronized void clearError() {
    lastError = "";
  }

  synchronized void write() {
    if (file == null) {
      return;
    }
    ObjectNode out = JSON.createObjectNode();
    out.put("epoch", epoch);
    out.put("phase", phase);
    out.put("nonces_per_second", rate);
    out.put("nonces", nonces);
    out.put("winners", winners);
    out.put("committed", committed);
    out.put("revealed", revealed);
    out.put("audits_sent", auditsSent);
    out.put("digests_sent", digestsSent);
    out.put("disputes_stepped", disputesStepped);
    out.put("last_error", lastError);
    out.put("updated_at", Instant.now().toString());
    try {
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      JSON.writeValue(tmp.toFile(), out);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      SprintWorker.LOG.debug("Cannot write {}: {}", file, e.getMessage());
    }
  }
}
