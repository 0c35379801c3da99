package org.sprintchain.pocw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.sprintchain.pocw.audit.AuditSampler;
import org.sprintchain.pocw.audit.AuditorAssignment;
import org.sprintchain.pocw.commit.WinnerLeaf;
import org.sprintchain.pocw.commit.WinnerTree;
import org.sprintchain.pocw.power.VotingPowerPolicy;
import org.sprintchain.pocw.reward.EmissionSchedule;
import org.sprintchain.pocw.reward.RewardSplitter;
import org.sprintchain.pocw.schedule.SprintPosition;
import org.sprintchain.pocw.schedule.SprintSchedule;

/**
 * Golden vectors of the pure functions other implementations (the chain app, the sprint worker, an
 * explorer, a second client) must reproduce bit for bit. Each JSON file under {@code
 * src/test/resources/golden} has a {@code kind}, shared inputs and {@code cases}, each case with
 * its inputs and an {@code expected} value:
 *
 * <ul>
 *   <li>{@code schedule}: height → epoch, phase, phase start and end.
 *   <li>{@code sampler}: (seed, worker, W, k) → sampled indices.
 *   <li>{@code auditors}: (seed, candidates with previous work, a) → auditors per worker.
 *   <li>{@code merkle}: leaves (u64 nonces as decimal strings, digests in hex, in any order) → root
 *       and the hex-encoded proof of every leaf.
 *   <li>{@code power}: (cap, budget, work per id) → power per id.
 *   <li>{@code reward}: (emission params, epoch, fees, work per id) → emission and payouts.
 * </ul>
 *
 * <p>Changing an expected value forks every chain that used the rule. To regenerate after a
 * deliberate change, run {@code mvn -pl pocw test -Dtest=GoldenVectorTest
 * -Dsprint.golden.regenerate=true}, which rewrites the {@code expected} fields in the source files;
 * review the diff and say in the commit why they moved.
 */
class GoldenVectorTest {
  private static final Path DIR = Path.of("src", "test", "resources", "golden");
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final HexFormat HEX = HexFormat.of();

  @TestFactory
  Stream<DynamicTest> goldenVectors() throws IOException {
    List<Path> files;
    try (Stream<Path> list = Files.list(DIR)) {
      files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertFalse(files.isEmpty(), "no golden vectors under " + DIR.toAbsolutePath());
    return files.stream()
        .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> run(file)));
  }

  private static void run(Path file) throws IOException {
    ObjectNode vector = (ObjectNode) JSON.readTree(file.toFile());
    boolean regenerate = Boolean.getBoolean("sprint.golden.regenerate");
    String kind = vector.get("kind").asText();
    int i = 0;
    for (JsonNode c : vector.get("cases")) {
      JsonNode actual =
          switch (kind) {
            case "schedule" -> schedule(vector, c);
            case "sampler" -> sampler(c);
            case "auditors" -> auditors(c);
            case "merkle" -> merkle(c);
            case "power" -> power(c);
            case "reward" -> reward(c);
            default -> throw new IllegalArgumentException("unknown kind " + kind);
          };
      if (regenerate) {
        ((ObjectNode) c).set("expected", actual);
      } else {
        assertNotNull(c.get("expected"), file + " case " + i + " has no expected value");
        // Round-trip so that int and long nodes of the same number compare equal.
        assertEquals(
            c.get("expected"), JSON.readTree(JSON.writeValueAsString(actual)), file + " case " + i);
      }
      i++;
    }
    if (regenerate) {
      Files.writeString(file, JSON.writeValueAsString(vector) + "\n");
    }
  }

  private static JsonNode schedule(JsonNode vector, JsonNode c) {
    JsonNode p = vector.get("params");
    SprintParams d = SprintParams.testnetDefaults();
    SprintParams params =
        new SprintParams(
            p.get("epoch_length").asLong(),
            p.get("generation_blocks").asLong(),
            p.get("commit_deadline").asLong(),
            p.get("reveal_blocks").asLong(),
            p.get("audit_blocks").asLong(),
            d.modelPreset(),
            d.difficultyTarget(),
            d.maxPowerShareBps(),
            d.samplesPerWorker(),
            d.auditorsPerWorker(),
            d.jailEpochs(),
            d.emission(),
            d.slash(),
            d.minWorkers(),
            d.disputeBudgetPerBlock());
    SprintSchedule s = new SprintSchedule(params, vector.get("initial_height").asLong());
    SprintPosition pos = s.at(c.get("height").asLong());
    ObjectNode out = JSON.createObjectNode();
    out.put("epoch", pos.epoch());
    out.put("phase", pos.phase().name());
    out.put("phase_start", pos.phaseStart());
    out.put("phase_end", pos.phaseEnd());
    return out;
  }

  private static JsonNode sampler(JsonNode c) {
    long[] idx =
        AuditSampler.sample(
            HEX.parseHex(c.get("seed").asText()),
            WorkerId.ofHex(c.get("worker").asText()),
            c.get("winners").asLong(),
            c.get("k").asInt());
    ArrayNode out = JSON.createArrayNode();
    for (long x : idx) {
      out.add(x);
    }
    return out;
  }

  private static JsonNode auditors(JsonNode c) {
    List<AuditorAssignment.Candidate> cs = new ArrayList<>();
    c.get("candidates")
        .fields()
        .forEachRemaining(
            e ->
                cs.add(
                    new AuditorAssignment.Candidate(
                        WorkerId.ofHex(e.getKey()), e.getValue().asLong())));
    SortedMap<WorkerId, List<WorkerId>> all =
        new AuditorAssignment(HEX.parseHex(c.get("seed").asText()), cs)
            .assignAll(c.get("auditors_per_worker").asInt());
    ObjectNode out = JSON.createObjectNode();
    all.forEach(
        (w, auditors) -> {
          ArrayNode a = out.putArray(w.hex());
          auditors.forEach(x -> a.add(x.hex()));
        });
    return out;
  }

  private static JsonNode merkle(JsonNode c) {
    List<WinnerLeaf> leaves = new ArrayList<>();
    for (JsonNode l : c.get("leaves")) {
      leaves.add(
          new WinnerLeaf(
              Long.parseUnsignedLong(l.get("nonce").asText()),
              HEX.parseHex(l.get("digest").asText())));
    }
    WinnerTree tree = WinnerTree.of(leaves);
    ObjectNode out = JSON.createObjectNode();
    out.put("count", tree.commitment().count());
    out.put("root", tree.commitment().rootHex());
    ArrayNode proofs = out.putArray("proofs");
    for (int i = 0; i < tree.size(); i++) {
      proofs.add(HEX.formatHex(tree.proof(i).encode()));
    }
    return out;
  }

  private static SortedMap<WorkerId, Long> workOf(JsonNode c) {
    SortedMap<WorkerId, Long> work = new TreeMap<>();
    c.get("work")
        .fields()
        .forEachRemaining(e -> work.put(WorkerId.ofHex(e.getKey()), e.getValue().asLong()));
    return work;
  }

  private static JsonNode power(JsonNode c) {
    SortedMap<WorkerId, Long> powers =
        new VotingPowerPolicy(c.get("cap_bps").asInt(), c.get("total_power").asLong())
            .powers(workOf(c));
    ObjectNode out = JSON.createObjectNode();
    powers.forEach((id, p) -> out.put(id.hex(), p));
    return out;
  }

  private static JsonNode reward(JsonNode c) {
    EmissionParams e =
        new EmissionParams(c.get("initial_per_epoch").asLong(), c.get("halving_epochs").asLong());
    long emission = EmissionSchedule.emission(e, c.get("epoch").asLong());
    RewardSplitter.Split split = RewardSplitter.split(emission, c.get("fees").asLong(), workOf(c));
    ObjectNode out = JSON.createObjectNode();
    out.put("emission", emission);
    out.put("undistributed", split.undistributed());
    ObjectNode payouts = out.putObject("payouts");
    split.payouts().forEach((id, p) -> payouts.put(id.hex(), p));
    return out;
  }
}
