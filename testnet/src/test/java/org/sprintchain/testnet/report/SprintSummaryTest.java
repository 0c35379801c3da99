package org.sprintchain.testnet.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sprintchain.client.RpcException;

class SprintSummaryTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String HEX0 = "0A".repeat(20);
  static final String HEX1 = "1B".repeat(20);
  static final String HEX2 = "2C".repeat(20);
  static final String OP0 = SprintSummary.operatorOf(HEX0);
  static final String OP1 = SprintSummary.operatorOf(HEX1);
  static final String OP2 = SprintSummary.operatorOf(HEX2);
  static final Map<String, String> NODES =
      SprintSummary.nodeByOperator(Map.of(HEX0, "node0", HEX1, "node1", HEX2, "node2"));

  /** A chain in epoch 1's reveal phase: epoch 0 settled with node2 slashed, two disputes. */
  static class CannedChain implements SprintSnapshot.Source {
    final List<String> asked = new ArrayList<>();

    @Override
    public JsonNode params() {
      return json(
          """
          {"epoch_length":50,"model_preset":"tiny","samples_per_worker":16,
           "auditors_per_worker":2,"min_workers":2,
           "emission":{"initial_per_epoch":1000000,"halving_epochs":100000}}""");
    }

    @Override
    public JsonNode current() {
      return json("{\"height\":90,\"epoch\":1,\"phase\":\"REVEAL\"}");
    }

    @Override
    public JsonNode epoch(long epoch) {
      asked.add("/sprint/" + epoch);
      if (epoch == 0) {
        return json(
            """
            {"epoch":0,"status":"SETTLED","seed":"ab","passed":2,"emission":1000000,
             "paid":1000040,"fee_pot":40,"workers":[
             {"operator":"%s","committed":12,"outcome":"PASSED","count":12,"work":12,
              "power":55,"reward":600024,"slashed":0,"jailed_through":-1},
             {"operator":"%s","committed":9,"outcome":"PASSED","count":9,"work":9,
              "power":45,"reward":400016,"slashed":0,"jailed_through":-1},
             {"operator":"%s","committed":30,"outcome":"INVALID_REVEAL","count":30,"work":0,
              "power":0,"reward":0,"slashed":1000,"jailed_through":3}]}"""
                .formatted(OP0, OP1, OP2));
      }
      if (epoch == 1) {
        return json(
            """
            {"epoch":1,"status":"OPEN","seed":"cd","passed":0,"emission":0,"paid":0,
             "fee_pot":7,"workers":[{"operator":"%s","committed":11}]}"""
                .formatted(OP0));
      }
      throw new RpcException("query /sprint/" + epoch + " failed: node went away");
    }

    @Override
    public JsonNode disputes() {
      return json("{\"open\":[" + disputeJson(1).toString() + "],\"next_id\":2}");
    }

    @Override
    public JsonNode dispute(long id) {
      asked.add("/dispute/" + id);
      return disputeJson(id);
    }

    private static JsonNode disputeJson(long id) {
      return json(
          """
          {"id":%d,"epoch":0,"worker":"%s","auditor":"%s","index":4,"nonce":"77",
           "status":"%s","step":%d,"winner":"%s","deadline":120}"""
              .formatted(
                  id,
                  OP2,
                  OP0,
                  id == 0 ? "RESOLVED" : "AWAITING_TRACES",
                  id == 0 ? 3 : 0,
                  id == 0 ? "AUDITOR" : "NONE"));
    }
  }

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  static SprintSummary cannedSummary(List<String> warnings) {
    SprintSnapshot snap = SprintSnapshot.read(new CannedChain(), List.of(0L, 1L, 2L), warnings);
    return new SprintSummary(snap, NODES);
  }

  /** An epoch row as RunReport writes it, before the sprint facts. */
  static ObjectNode epochRow(long epoch) {
    ObjectNode row = JSON.createObjectNode();
    row.put("epoch", epoch);
    row.put("first_height", epoch * 50 + 1);
    row.put("last_height", epoch * 50 + 50);
    row.put("blocks_seen", 50);
    row.put("txs", 3);
    var vals = row.putArray("validators");
    vals.addObject().put("node", "node0").put("address", HEX0).put("power", 10).put("share", 33.3);
    vals.addObject().put("node", "node1").put("address", HEX1).put("power", 10).put("share", 33.3);
    vals.addObject().put("node", "node2").put("address", HEX2).put("power", 10).put("share", 33.3);
    return row;
  }

  @Test
  void readsEveryEpochAndDisputeAndWarnsOfAFailedReadWithoutFailing() {
    List<String> warnings = new ArrayList<>();
    CannedChain chain = new CannedChain();
    SprintSnapshot snap = SprintSnapshot.read(chain, List.of(0L, 1L, 2L), warnings);
    assertTrue(snap.present());
    assertEquals(2, snap.epochs().size());
    assertEquals(2, snap.disputeDetails().size());
    assertEquals(
        List.of("/sprint/0", "/sprint/1", "/sprint/2", "/dispute/0", "/dispute/1"), chain.asked);
    assertEquals(1, warnings.size(), warnings.toString());
    assertTrue(warnings.getFirst().contains("/sprint/2"), warnings.toString());
  }

  @Test
  void aSettledEpochShowsWorkPowerOutcomeAuditsAndSlashes() {
    SprintSummary s = cannedSummary(new ArrayList<>());
    ObjectNode row = epochRow(0);
    s.fillEpoch(row);
    assertEquals("SETTLED", row.path("sprint_phase").asText());
    assertEquals("2/3 passed (node2 INVALID_REVEAL)", row.path("audits").asText());
    assertEquals("1000 (node2 INVALID_REVEAL 1000)", row.path("slashes").asText());
    JsonNode v0 = row.path("validators").path(0);
    assertEquals(12, v0.path("verified_work").asLong());
    assertEquals(55, v0.path("verified_power").asLong());
    assertEquals("PASSED", v0.path("outcome").asText());
    assertEquals("INVALID_REVEAL", row.path("validators").path(2).path("outcome").asText());
    JsonNode sp = row.path("sprint");
    assertEquals(1000040, sp.path("paid").asLong());
    assertEquals(3, sp.path("audited").asInt());
    assertEquals(2, sp.path("audits_passed").asInt());
    assertEquals(1000, sp.path("slashed_total").asLong());
    assertEquals("node1", sp.path("workers").path(1).path("node").asText());
  }

  @Test
  void theOpenEpochIsPendingAndNamesItsPhase() {
    SprintSummary s = cannedSummary(new ArrayList<>());
    ObjectNode row = epochRow(1);
    s.fillEpoch(row);
    assertEquals("OPEN (REVEAL)", row.path("sprint_phase").asText());
    assertEquals("pending", row.path("audits").asText());
    assertEquals("pending", row.path("slashes").asText());
    assertEquals("pending", row.path("validators").path(0).path("verified_work").asText());
    assertEquals("REVEAL (epoch 1)", s.phase());
    ObjectNode unread = epochRow(2); // its query failed
    s.fillEpoch(unread);
    assertEquals("-", unread.path("audits").asText());
  }

  @Test
  void theOverviewTotalsAuditsSlashesWorkAndDisputes() {
    SprintSummary s = cannedSummary(new ArrayList<>());
    ObjectNode o = s.overview(JSON);
    assertTrue(o.path("enabled").asBoolean());
    assertEquals(1, o.path("epochs_by_status").path("SETTLED").asInt());
    assertEquals(1, o.path("epochs_by_status").path("OPEN").asInt());
    assertEquals(3, o.path("audits").path("audited").asInt());
    assertEquals(2, o.path("audits").path("passed").asInt());
    assertEquals(1, o.path("audits").path("outcomes").path("INVALID_REVEAL").asInt());
    assertEquals(1000, o.path("slashed_total").asLong());
    assertEquals("node2", o.path("slashes").path(0).path("node").asText());
    assertEquals(12, o.path("verified_work").path("node0").asLong());
    JsonNode d = o.path("disputes");
    assertEquals(2, d.path("next_id").asLong());
    assertEquals(1, d.path("open").asInt());
    assertEquals(1, d.path("resolved").asInt());
    assertEquals(1, d.path("won_by").path("AUDITOR").asInt());
    assertEquals("node2", d.path("list").path(0).path("worker_node").asText());
    assertEquals("2/3 passed (node2 INVALID_REVEAL)", s.auditsText());
    assertEquals("1000 (epoch 0 node2 INVALID_REVEAL 1000)", s.slashesText());
    assertEquals("node0: 12, node1: 9, node2: 0 (settled epochs: 1)", s.verifiedWorkText());
  }

  @Test
  void verifiedPowerIsPlottedWhereCometBftAppliesASettledSet() {
    SprintSummary s = cannedSummary(new ArrayList<>());
    Map<String, List<double[]>> power = s.verifiedPower(e -> (e + 1) * 50 + 2);
    assertEquals(List.of("node0", "node1", "node2"), List.copyOf(power.keySet()));
    assertEquals(1, power.get("node0").size());
    assertEquals(52, power.get("node0").getFirst()[0], 1e-9);
    assertEquals(55, power.get("node0").getFirst()[1], 1e-9);
  }

  @Test
  void aChainWithoutSprintsReadsNotYetAndNeverFails() {
    SprintSnapshot.Source kvstore =
        new CannedChain() {
          @Override
          public JsonNode params() {
            throw new RpcException("abci_query /sprint/params answered no JSON object");
          }
        };
    List<String> warnings = new ArrayList<>();
    SprintSnapshot snap = SprintSnapshot.read(kvstore, List.of(0L), warnings);
    assertFalse(snap.present());
    assertTrue(snap.absentReason().startsWith("no sprint state"), snap.absentReason());
    assertTrue(warnings.isEmpty());
    SprintSummary s = new SprintSummary(snap, NODES);
    ObjectNode row = epochRow(0);
    s.fillEpoch(row);
    assertEquals("n/a", row.path("sprint_phase").asText());
    assertEquals("n/a", row.path("audits").asText());
    assertEquals("n/a", row.path("slashes").asText());
    assertEquals("n/a", row.path("validators").path(0).path("verified_work").asText());
    assertTrue(row.path("sprint").isMissingNode());
    assertEquals("n/a", s.phase());
    assertEquals("n/a", s.auditsText());
    assertEquals("n/a", s.verifiedWorkText());
    assertFalse(s.overview(JSON).path("enabled").asBoolean());
    assertTrue(s.verifiedPower(e -> e).isEmpty());
  }

  @Test
  void operatorsAreTheBech32OfTheConsensusAddress() {
    assertTrue(OP0.startsWith("spr1"), OP0);
    assertEquals(OP0, SprintSummary.operatorOf(HEX0.toLowerCase(java.util.Locale.ROOT)));
    assertEquals("", SprintSummary.operatorOf("not hex"));
    assertEquals("node1", new SprintSummary(SprintSnapshot.absent("x"), NODES).name(OP1));
  }
}
