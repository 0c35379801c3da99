package org.sprintchain.testnet.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobLatenciesTest {
  private static final long MS = 1_000_000;

  /** A DONE job sent at {@code sentMs} and done {@code latencyMs} later. */
  private static PaidJob done(int i, String model, long sentMs, long latencyMs, boolean audited) {
    return PaidJob.sent(i, model, "H" + i, sentMs * MS)
        .withId(i)
        .withStatus(PaidJob.DONE, (sentMs + latencyMs) * MS, "exec", audited);
  }

  @Test
  void percentilesAreNearestRankOverDoneJobs() {
    List<PaidJob> jobs = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      jobs.add(done(i, "synthetic", i * 10L, (i + 1) * 10L, i % 10 == 0));
    }
    JobLatencies l = JobLatencies.of("synthetic", jobs);
    assertEquals(100, l.done());
    assertEquals(10, l.sampled());
    assertEquals(500, l.latency().p50Millis());
    assertEquals(950, l.latency().p95Millis());
    assertEquals(990, l.latency().p99Millis());
    assertEquals(1000, l.latency().maxMillis());
  }

  @Test
  void jobsPerSecondIsDoneJobsOverFirstBroadcastToLastDone() {
    List<PaidJob> jobs =
        List.of(
            done(0, "m", 0, 2_000, false),
            done(1, "m", 500, 2_000, false),
            done(2, "m", 1_000, 3_000, false),
            PaidJob.sent(3, "m", "H3", 1_500 * MS)
                .withId(3)
                .withStatus("TIMED_OUT", 9_000 * MS, "x", false),
            PaidJob.refused(4, "m", 1_600 * MS, "CheckTx 7"));
    JobLatencies l = JobLatencies.of("m", jobs);
    assertEquals(5, l.jobs());
    assertEquals(3, l.done());
    assertEquals(4.0, l.spanSeconds(), 1e-9, "0 ms to the last DONE at 4000 ms");
    assertEquals(0.75, l.jobsPerSecond(), 1e-9);
    assertEquals(Map.of("REFUSED", 1, "TIMED_OUT", 1), l.notDone());
    assertEquals(3_000, l.latency().maxMillis(), "only DONE jobs are timed");
  }

  @Test
  void noDoneJobsGiveZerosNotAnError() {
    JobLatencies l = JobLatencies.of("m", List.of(PaidJob.refused(0, "m", 0, "no")));
    assertEquals(0, l.done());
    assertEquals(0, l.latency().p50Millis());
    assertEquals(0.0, l.jobsPerSecond());
  }

  @Test
  void byModelListsSyntheticThenMiniLmThenAll() {
    List<PaidJob> jobs =
        List.of(
            done(0, "all-minilm-l6-v2", 0, 3_000, false),
            done(1, "synthetic", 0, 1_000, false),
            done(2, "synthetic", 0, 2_000, false));
    List<JobLatencies> rows = InferenceBenchmark.byModel(jobs);
    assertEquals(
        List.of("synthetic", "all-minilm-l6-v2", "all"),
        rows.stream().map(JobLatencies::label).toList());
    assertEquals(3, rows.get(2).done());
    ObjectNode json = rows.get(0).toJson(new ObjectMapper());
    assertEquals(2_000, json.path("latency_ms").path("p95").asLong());
    assertEquals(1.0, json.path("jobs_per_s").asDouble(), 1e-9);
  }

  @Test
  void finalStatuses() {
    PaidJob sent = PaidJob.sent(0, "m", "H", 0);
    assertEquals(false, sent.isFinal());
    for (String s : List.of("PENDING", "ASSIGNED", "SUBMITTED", "AUDITING", "DISPUTED")) {
      assertEquals(false, sent.withStatus(s, 1, "", false).isFinal(), s);
    }
    for (String s : List.of("DONE", "TIMED_OUT", "FRAUD", "UNSERVED", "REFUSED")) {
      assertEquals(true, sent.withStatus(s, 1, "", false).isFinal(), s);
    }
  }
}
