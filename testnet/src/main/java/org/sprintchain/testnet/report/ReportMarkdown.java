package org.sprintchain.testnet.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;

/** Renders the {@code report.json} document as {@code report.md}: the same facts, for people. */
final class ReportMarkdown {
  private static final int MAX_EPOCH_ROWS = 50;

  private ReportMarkdown() {}

  static String render(JsonNode r, List<String> warnings) {
    StringBuilder md = new StringBuilder();
    md.append("# Testnet run report: ").append(r.path("chain_id").asText()).append("\n\n");
    md.append("Generated ")
        .append(r.path("generated_at").asText())
        .append(" from `")
        .append(r.path("dir").asText())
        .append("`.\n\n");

    JsonNode b = r.path("blocks");
    md.append("## Blocks\n\n| | |\n|---|---|\n");
    row(md, "heights", b.path("first_height").asLong() + " .. " + b.path("last_height").asLong());
    row(md, "blocks", b.path("count").asText());
    row(md, "transactions", b.path("txs").asText());
    row(md, "span", b.path("span_s").asText("-") + " s");
    row(md, "mean block interval", b.path("mean_block_interval_ms").asText("-") + " ms");
    row(md, "mean committed tx/s", b.path("mean_tps").asText("-"));
    row(md, "most txs in one block", b.path("max_txs_in_a_block").asText("-"));
    row(
        md,
        "app hash agreement",
        (r.path("app_hash_agreement").asBoolean() ? "yes" : "NO")
            + " (at common height "
            + r.path("common_height").asText("-")
            + ", "
            + r.path("app_hashes_at_common_height").size()
            + " nodes compared)");
    row(
        md,
        "sprint",
        "epoch length "
            + r.path("sprint").path("epoch_length").asText()
            + " blocks, preset "
            + r.path("sprint").path("preset").asText()
            + ", phase "
            + r.path("sprint").path("phase").asText()
            + (r.path("sprints").path("enabled").asBoolean(true) ? "" : " (no sprints)"));
    md.append("\n");

    md.append("## Nodes\n\n| node | state | height | RPC |\n|---|---|---|---|\n");
    for (JsonNode n : r.path("nodes")) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %s |%n",
              n.path("name").asText(),
              n.path("state").asText(),
              n.path("height").asText("-"),
              n.path("rpc").asText()));
    }
    md.append("\n");

    md.append("## Throughput\n\n");
    if (r.path("charts").size() > 0) {
      md.append("![tx/s over time](").append(RunReport.TPS_CHART).append(")\n\n");
    }
    JsonNode runs = r.path("load_runs");
    if (runs.isEmpty()) {
      md.append("No load run recorded in this testnet (run `bin/sprint load`).\n\n");
    } else {
      md.append(
          "| load run | mix | target tx/s | acknowledged tx/s | committed tx/s | latency p50 / p95 /"
              + " p99 / max (ms) | acknowledged | missing | failed | all committed |\n");
      md.append("|---|---|---|---|---|---|---|---|---|---|\n");
      for (JsonNode l : runs) {
        JsonNode lat = l.path("latency_ms");
        md.append(
            String.format(
                Locale.ROOT,
                "| %s | %s | %s | %s | %s | %d / %d / %d / %d | %d | %d | %d | %s |%n",
                l.path("started_at").asText(),
                l.path("mix").asText(),
                l.path("target_tps").asInt() == 0 ? "max" : l.path("target_tps").asText(),
                l.path("acknowledged_tps").asText(),
                l.path("committed_tps").asText(),
                lat.path("p50").asLong(),
                lat.path("p95").asLong(),
                lat.path("p99").asLong(),
                lat.path("max").asLong(),
                l.path("acknowledged").asLong(),
                l.path("missing").asLong(),
                l.path("failed").asLong(),
                l.path("verified").asBoolean() ? "yes" : "NO"));
      }
      md.append("\n");
    }

    md.append("## Voting power by epoch\n\n");
    if (r.path("charts").size() > 1) {
      md.append("![voting power by height](").append(RunReport.POWER_CHART).append(")\n\n");
      if (r.path("sprints").path("enabled").asBoolean()) {
        md.append(
            "Lines: CometBFT's voting power, sampled by height. Circles: the power each settled"
                + " epoch's verified work earned, at the height CometBFT applies it (the epoch's"
                + " last height + 2).\n\n");
      }
    }
    md.append(
        "| epoch | heights | blocks | txs | power distribution (node: power, share) | verified work"
            + " | sprint phase | audits | slashes |\n");
    md.append("|---|---|---|---|---|---|---|---|---|\n");
    int rows = 0;
    for (JsonNode e : r.path("epochs")) {
      if (rows++ >= MAX_EPOCH_ROWS) {
        md.append("| ... | (see report.json) | | | | | | | |\n");
        break;
      }
      StringBuilder dist = new StringBuilder();
      for (JsonNode v : e.path("validators")) {
        if (!dist.isEmpty()) {
          dist.append(", ");
        }
        dist.append(v.path("node").asText())
            .append(": ")
            .append(v.path("power").asLong())
            .append(" (")
            .append(v.path("share").asText())
            .append("%)");
      }
      md.append(
          String.format(
              Locale.ROOT,
              "| %d | %d .. %d | %d | %d | %s | %s | %s | %s | %s |%n",
              e.path("epoch").asLong(),
              e.path("first_height").asLong(),
              e.path("last_height").asLong(),
              e.path("blocks_seen").asLong(),
              e.path("txs").asLong(),
              dist,
              SprintMarkdown.workCell(e),
              e.path("sprint_phase").asText(),
              e.path("audits").asText(),
              e.path("slashes").asText()));
    }
    SprintMarkdown.render(md, r);
    if (!warnings.isEmpty()) {
      md.append("\n## Warnings\n\n");
      warnings.forEach(w -> md.append("- ").append(w).append("\n"));
    }
    return md.toString();
  }

  private static void row(StringBuilder md, String key, String value) {
    md.append("| ").append(key).append(" | ").append(value).append(" |\n");
  }
}
