package org.sprintchain.testnet.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sprintchain.testnet.BlockMeta;

class RunReportTest {
  @Test
  void txPerSecondIsBucketedByHeaderTime() {
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    List<BlockMeta> blocks =
        List.of(
            new BlockMeta(1, t0, 99, "", ""), // the first block only opens the span
            new BlockMeta(2, t0.plusMillis(500), 10, "", ""),
            new BlockMeta(3, t0.plusMillis(1000), 20, "", ""),
            new BlockMeta(4, t0.plusMillis(1500), 30, "", ""));
    List<double[]> series = RunReport.tpsSeries(blocks);
    assertEquals(2, series.size());
    assertEquals(10, series.get(0)[1], 1e-9);
    assertEquals(50, series.get(1)[1], 1e-9);
  }

  @Test
  void markdownShowsNotYetForThePocwColumns() {
    ObjectNode r = new ObjectMapper().createObjectNode();
    r.put("chain_id", "c");
    r.put("audits", "n/a");
    r.put("slashes", "n/a");
    r.putObject("sprint").put("phase", "n/a");
    ObjectNode e = r.putArray("epochs").addObject();
    e.put("epoch", 0);
    e.put("sprint_phase", "n/a");
    e.put("audits", "n/a");
    e.put("slashes", "n/a");
    e.putArray("validators")
        .addObject()
        .put("node", "node0")
        .put("power", 10)
        .put("share", 100.0)
        .put("verified_work", "n/a");
    String md = ReportMarkdown.render(r, List.of("charts not drawn: x"));
    assertTrue(md.contains("| 0 | 1 .. 0 |") || md.contains("| 0 |"), md);
    assertTrue(md.contains("node0: 10 (100.0%) | n/a | n/a | n/a | n/a |"), md);
    assertTrue(md.contains("No load run recorded"), md);
    assertTrue(md.contains("charts not drawn"), md);
  }
}
