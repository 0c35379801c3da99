package org.sprintchain.testnet.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SprintMarkdownTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The report JSON as RunReport assembles it, from a summary, without a chain. */
  static ObjectNode report(SprintSummary s) {
    ObjectNode r = JSON.createObjectNode();
    r.put("chain_id", "sprint-localnet");
    ObjectNode sp = r.putObject("sprint");
    sp.put("epoch_length", 50);
    sp.put("preset", "tiny");
    sp.put("enabled", s.present());
    sp.put("phase", s.phase());
    ArrayNode epochs = r.putArray("epochs");
    for (long e = 0; e <= 1; e++) {
      ObjectNode row = SprintSummaryTest.epochRow(e);
      s.fillEpoch(row);
      epochs.add(row);
    }
    r.put("audits", s.auditsText());
    r.put("slashes", s.slashesText());
    r.put("verified_work", s.verifiedWorkText());
    r.set("sprints", s.overview(JSON));
    r.putArray("charts").add(RunReport.TPS_CHART).add(RunReport.POWER_CHART);
    return r;
  }

  @Test
  void aChainWithSprintsShowsEpochsWorkersAuditsSlashesAndDisputes() {
    String md =
        ReportMarkdown.render(
            report(SprintSummaryTest.cannedSummary(new ArrayList<>())), List.of());
    assertTrue(md.contains("phase REVEAL (epoch 1) |"), md);
    assertTrue(
        md.contains(
            "| node0: 12, node1: 9, node2: 0 | SETTLED | 2/3 passed (node2 INVALID_REVEAL) |"
                + " 1000 (node2 INVALID_REVEAL 1000) |"),
        md);
    assertTrue(md.contains("| pending | OPEN (REVEAL) | pending | pending |"), md);
    assertTrue(md.contains("Circles: the power each settled epoch's verified work earned"), md);
    assertTrue(
        md.contains(
            "| 0 | SETTLED | 2 | 1000000 | 1000040 | 40 | node0 | 12 | PASSED | 12 | 55 | 600024"
                + " | 0 | - |"),
        md);
    assertTrue(
        md.contains("| | | | | | | node2 | 30 | INVALID_REVEAL | 0 | 0 | 0 | 1000 | 3 |"), md);
    assertTrue(md.contains("| 1 | OPEN (REVEAL) | 0 | 0 | 0 | 7 | node0 | 11 | - | - |"), md);
    assertTrue(md.contains("Next block: epoch 1, phase REVEAL."), md);
    assertTrue(md.contains("Slashes: 1000 (epoch 0 node2 INVALID_REVEAL 1000)."), md);
    assertTrue(md.contains("2 opened, 1 open, 1 resolved (won by AUDITOR 1)."), md);
    assertTrue(md.contains("| 0 | 0 | node2 | node0 | 4 | RESOLVED | 3 | AUDITOR |"), md);
    assertFalse(md.contains("n/a"), md);
  }

  @Test
  void aChainWithoutSprintsSaysSoAndKeepsNotYet() {
    SprintSummary none =
        new SprintSummary(
            SprintSnapshot.absent("this chain has no sprints"), SprintSummaryTest.NODES);
    String md = ReportMarkdown.render(report(none), List.of());
    assertTrue(md.contains("phase n/a (no sprints) |"), md);
    assertTrue(md.contains("| n/a | n/a | n/a | n/a |"), md);
    assertTrue(
        md.contains(
            "No sprints on this chain (this chain has no sprints): verified work, sprint phase,"
                + " audits and slashes read n/a."),
        md);
    assertFalse(md.contains("Circles:"), md);
    assertFalse(md.contains("### Disputes"), md);
  }
}
