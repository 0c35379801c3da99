package org.sprintchain.testnet.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/**
 * What one load run measured.
 *
 * @param source the {@link TxSource} name
 * @param submitted broadcasts attempted (including retries)
 * @param acknowledged txs the mempool admitted (CheckTx code 0), all tracked by hash
 * @param refused txs CheckTx refused with a non-zero code
 * @param busy broadcasts answered with a JSON-RPC error (full mempool, cache hit) or not at all
 * @param windowSeconds the measured span: header time of the last block in the window minus that of
 *     the block before its first
 * @param windowBlocks blocks in the measurement window
 * @param windowTxs txs in those blocks
 * @param committedTps {@code windowTxs / windowSeconds}
 * @param latency submit-to-block latency of txs submitted inside the window
 * @param missing acknowledged txs not in any block after the drain
 * @param failed acknowledged txs in a block with a non-zero code
 * @param avgTxBytes mean size of the acknowledged txs
 */
public record LoadReport(
    String source,
    int clients,
    int targetTps,
    double warmupSeconds,
    double durationSeconds,
    long submitted,
    long acknowledged,
    long refused,
    long busy,
    double windowSeconds,
    long windowBlocks,
    long windowTxs,
    double committedTps,
    LatencyStats latency,
    long missing,
    long failed,
    long avgTxBytes,
    long firstHeight,
    long lastHeight) {

  /** Every acknowledged tx is in a block with code 0. */
  public boolean verified() {
    return missing == 0 && failed == 0;
  }

  public ObjectNode toJson(ObjectMapper json) {
    ObjectNode o = json.createObjectNode();
    o.put("source", source);
    o.put("clients", clients);
    o.put("target_tps", targetTps);
    o.put("warmup_s", round(warmupSeconds));
    o.put("duration_s", round(durationSeconds));
    o.put("submitted", submitted);
    o.put("acknowledged", acknowledged);
    o.put("refused", refused);
    o.put("busy", busy);
    o.put("window_s", round(windowSeconds));
    o.put("window_blocks", windowBlocks);
    o.put("window_txs", windowTxs);
    o.put("committed_tps", round(committedTps));
    ObjectNode lat = o.putObject("latency_ms");
    lat.put("samples", latency.samples());
    lat.put("p50", latency.p50Millis());
    lat.put("p95", latency.p95Millis());
    lat.put("p99", latency.p99Millis());
    lat.put("max", latency.maxMillis());
    o.put("missing", missing);
    o.put("failed", failed);
    o.put("verified", verified());
    o.put("avg_tx_bytes", avgTxBytes);
    o.put("first_height", firstHeight);
    o.put("last_height", lastHeight);
    return o;
  }

  /** One human line: rate, latency, verification. */
  public String summary() {
    return String.format(
        Locale.ROOT,
        "%s: %.1f committed tx/s (%d txs in %d blocks over %.1f s); latency ms p50 %d p95 %d p99"
            + " %d max %d; acknowledged %d, refused %d, busy %d; %s",
        source,
        committedTps,
        windowTxs,
        windowBlocks,
        windowSeconds,
        latency.p50Millis(),
        latency.p95Millis(),
        latency.p99Millis(),
        latency.maxMillis(),
        acknowledged,
        refused,
        busy,
        verified()
            ? "every acknowledged tx committed with code 0"
            : missing + " acknowledged txs missing, " + failed + " failed");
  }

  private static double round(double v) {
    return Math.round(v * 10.0) / 10.0;
  }
}
