package org.sprintchain.testnet.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.sprintchain.testnet.load.LatencyStats;

/**
 * What {@code bench inference} reports for a set of paid jobs (one model, or all): the
 * broadcast-to-DONE latency percentiles of the jobs that ended DONE (nearest rank, {@link
 * LatencyStats}), and jobs/s = DONE jobs over the span from the first broadcast to the last DONE.
 * Jobs that ended otherwise are counted by status, not timed.
 */
record JobLatencies(
    String label,
    int jobs,
    int done,
    int sampled,
    LatencyStats latency,
    double spanSeconds,
    Map<String, Integer> notDone) {

  static JobLatencies of(String label, List<PaidJob> all) {
    long[] nanos =
        all.stream()
            .filter(j -> j.status().equals(PaidJob.DONE))
            .mapToLong(PaidJob::latencyNanos)
            .toArray();
    Map<String, Integer> other = new TreeMap<>();
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    int sampled = 0;
    for (PaidJob j : all) {
      first = Math.min(first, j.submitNanos());
      if (j.status().equals(PaidJob.DONE)) {
        last = Math.max(last, j.doneNanos());
        sampled += j.sampled() ? 1 : 0;
      } else {
        other.merge(j.status(), 1, Integer::sum);
      }
    }
    double span = nanos.length == 0 ? 0 : (last - first) / 1e9;
    return new JobLatencies(
        label, all.size(), nanos.length, sampled, LatencyStats.of(nanos), span, other);
  }

  double jobsPerSecond() {
    return spanSeconds > 0 ? done / spanSeconds : 0;
  }

  ObjectNode toJson(ObjectMapper json) {
    ObjectNode o = json.createObjectNode();
    o.put("model", label);
    o.put("jobs", jobs);
    o.put("done", done);
    o.put("audited", sampled);
    ObjectNode lat = o.putObject("latency_ms");
    lat.put("p50", latency.p50Millis());
    lat.put("p95", latency.p95Millis());
    lat.put("p99", latency.p99Millis());
    lat.put("max", latency.maxMillis());
    o.put("span_s", Math.round(spanSeconds * 1000) / 1000.0);
    o.put("jobs_per_s", Math.round(jobsPerSecond() * 1000) / 1000.0);
    ObjectNode other = o.putObject("not_done");
    notDone.forEach(other::put);
    return o;
  }
}
