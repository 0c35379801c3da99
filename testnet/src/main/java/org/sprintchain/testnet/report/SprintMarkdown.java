package org.sprintchain.testnet.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The sprint sections of {@code report.md}, from the {@code sprints} and epoch rows of the JSON.
 */
final class SprintMarkdown {
  /** The latest epochs whose workers get a row each; older ones are in report.json. */
  static final int MAX_SPRINT_EPOCHS = 30;

  private SprintMarkdown() {}

  /** The "verified work" cell of an epoch row: each worker's work once the epoch settled. */
  static String workCell(JsonNode epochRow) {
    JsonNode sprint = epochRow.path("sprint");
    if (sprint.isMissingNode()) {
      return epochRow.path("validators").path(0).path("verified_work").asText("n/a");
    }
    List<String> parts = new ArrayList<>();
    for (JsonNode w : sprint.path("workers")) {
      if (w.has("work")) {
        parts.add(w.path("node").asText() + ": " + w.path("work").asLong());
      }
    }
    if (parts.isEmpty()) {
      return epochRow.path("audits").asText();
    }
    return String.join(", ", parts);
  }

  static void render(StringBuilder md, JsonNode r) {
    JsonNode s = r.path("sprints");
    md.append("\n## Sprints\n\n");
    if (!s.path("enabled").asBoolean()) {
      md.append("No sprints on this chain (")
          .append(s.path("reason").asText("not recorded"))
          .append("): verified work, sprint phase, audits and slashes read n/a.\n");
      return;
    }
    JsonNode p = s.path("params");
    JsonNode c = s.path("current");
    md.append(
        String.format(
            Locale.ROOT,
            "Params: epoch length %d blocks, model %s, min workers %d, %d samples and %d auditors"
                + " per worker, emission %d per epoch. Next block: epoch %d, phase %s.%n%n",
            p.path("epoch_length").asLong(),
            p.path("model_preset").asText(),
            p.path("min_workers").asLong(),
            p.path("samples_per_worker").asLong(),
            p.path("auditors_per_worker").asLong(),
            p.path("emission").path("initial_per_epoch").asLong(),
            c.path("epoch").asLong(),
            c.path("phase").asText("?")));
    workers(md, r);
    md.append("\n### Audits and slashes\n\n")
        .append("Audits (passed of audited, settled epochs): ")
        .append(r.path("audits").asText())
        .append(".\n\nSlashes: ")
        .append(r.path("slashes").asText())
        .append(".\n\nVerified work: ")
        .append(r.path("verified_work").asText())
        .append(".\n");
    disputes(md, s.path("disputes"));
  }

  private static void workers(StringBuilder md, JsonNode r) {
    List<JsonNode> epochs = new ArrayList<>();
    r.path("epochs").forEach(e -> epochs.add(e));
    int from = Math.max(0, epochs.size() - MAX_SPRINT_EPOCHS);
    md.append(
        "| epoch | status | passed | emission | paid | fee pot | worker | committed | outcome |"
            + " work | power | reward | slashed | jailed through |\n");
    md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    if (from > 0) {
      md.append("| ... | (")
          .append(from)
          .append(" older epochs in report.json) | | | | | | | | | | | | |\n");
    }
    for (JsonNode e : epochs.subList(from, epochs.size())) {
      JsonNode sp = e.path("sprint");
      if (sp.isMissingNode()) {
        continue;
      }
      String head =
          String.format(
              Locale.ROOT,
              "| %d | %s | %d | %d | %d | %d |",
              e.path("epoch").asLong(),
              e.path("sprint_phase").asText(),
              sp.path("passed").asLong(),
              sp.path("emission").asLong(),
              sp.path("paid").asLong(),
              sp.path("fee_pot").asLong());
      if (sp.path("workers").isEmpty()) {
        md.append(head).append(" (no workers) | | | | | | | |\n");
      }
      for (JsonNode w : sp.path("workers")) {
        md.append(head);
        head = "| | | | | | |";
        boolean settled = w.has("outcome");
        long jailed = w.path("jailed_through").asLong(-1);
        md.append(
            String.format(
                Locale.ROOT,
                " %s | %d | %s | %s | %s | %s | %s | %s |%n",
                w.path("node").asText(),
                w.path("committed").asLong(),
                settled ? w.path("outcome").asText() : "-",
                settled ? w.path("work").asText() : "-",
                settled ? w.path("power").asText() : "-",
                settled ? w.path("reward").asText() : "-",
                settled ? w.path("slashed").asText() : "-",
                settled && jailed >= e.path("epoch").asLong() ? Long.toString(jailed) : "-"));
      }
    }
  }

  private static void disputes(StringBuilder md, JsonNode d) {
    md.append("\n### Disputes\n\n");
    long opened = d.path("next_id").asLong();
    if (opened == 0) {
      md.append("No dispute was opened.\n");
      return;
    }
    List<String> won = new ArrayList<>();
    d.path("won_by").properties().forEach(w -> won.add(w.getKey() + " " + w.getValue().asLong()));
    md.append(
        String.format(
            Locale.ROOT,
            "%d opened, %d open, %d resolved%s.%n%n",
            opened,
            d.path("open").asLong(),
            d.path("resolved").asLong(),
            won.isEmpty() ? "" : " (won by " + String.join(", ", won) + ")"));
    md.append("| id | epoch | worker | auditor | index | status | step | winner |\n");
    md.append("|---|---|---|---|---|---|---|---|\n");
    for (JsonNode x : d.path("list")) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %d | %d | %s | %s | %d | %s | %d | %s |%n",
              x.path("id").asLong(),
              x.path("epoch").asLong(),
              x.path("worker_node").asText(),
              x.path("auditor_node").asText(),
              x.path("index").asLong(),
              x.path("status").asText(),
              x.path("step").asLong(),
              x.path("winner").asText()));
    }
  }
}
