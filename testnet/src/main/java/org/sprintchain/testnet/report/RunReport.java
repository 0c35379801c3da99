package org.sprintchain.testnet.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.sprintchain.client.CometRpcClient;
import org.sprintchain.client.RpcException;
import org.sprintchain.client.SprintQueries;
import org.sprintchain.testnet.BlockMeta;
import org.sprintchain.testnet.ChainInspector;
import org.sprintchain.testnet.LocalTestnet;
import org.sprintchain.testnet.NodeProcess;
import org.sprintchain.testnet.SprintSettings;
import org.sprintchain.testnet.TestnetException;
import org.sprintchain.testnet.TestnetStatus;
import org.sprintchain.testnet.ValidatorPower;
import org.sprintchain.testnet.load.LoadResult;

/**
 * {@code bin/sprint testnet report}: reads a running testnet's chain from one node's RPC, plus the
 * load runs saved in its folder, and writes {@code report.json}, {@code report.md} and two PNG
 * charts (tx/s over time; voting power by height, with epoch boundaries and the power each settled
 * epoch's verified work earned). On a chain with sprints, each epoch shows its status, each
 * worker's verified work, power and outcome, its audits and slashes, and the run its disputes
 * ({@link SprintSummary}); on a chain without them (the kvstore baseline) those read "n/a".
 */
public final class RunReport {
  public static final String JSON_FILE = "report.json";
  public static final String MARKDOWN_FILE = "report.md";
  public static final String TPS_CHART = "tx-per-second.png";
  public static final String POWER_CHART = "voting-power.png";

  /** The report covers at most this many of the latest blocks. */
  static final int MAX_BLOCKS = 20_000;

  /** Heights sampled for the voting-power chart, besides each epoch's first height. */
  private static final int POWER_SAMPLES = 40;

  private static final int MAX_EPOCHS = 200;
  private static final int MAX_TPS_POINTS = 150;
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** What {@link #write} produced. */
  public record Output(Path json, Path markdown, List<Path> charts, List<String> warnings) {}

  private RunReport() {}

  /**
   * Builds the report into {@code outDir} (created if needed).
   *
   * @throws TestnetException when no node of the testnet answers
   */
  public static Output write(LocalTestnet net, Path outDir, Consumer<String> progress) {
    TestnetStatus status = TestnetStatus.collect(net);
    try (CometRpcClient rpc = answeringNode(net)) {
      long latest = rpc.status().latestHeight();
      long from = Math.max(1, latest - MAX_BLOCKS + 1);
      progress.accept("report: reading blocks " + from + ".." + latest + " from " + rpc.url());
      List<BlockMeta> blocks = ChainInspector.blocks(rpc, from, latest);
      Map<String, String> names = TestnetStatus.nodeByAddress(net);
      SprintSettings sprint = net.sprintSettings();
      NavigableMap<Long, List<ValidatorPower>> powerAt =
          powerSamples(rpc, from, latest, sprint, names);
      List<JsonNode> loads = LoadResult.readAll(net.dir());
      List<String> warnings = new ArrayList<>();
      SprintSnapshot snapshot =
          SprintSnapshot.read(
              SprintSnapshot.Source.of(new SprintQueries(rpc)),
              reportedEpochs(sprint, from, latest),
              warnings);
      if (!snapshot.present() && sprint.enabled()) {
        warnings.add(
            "the testnet was set up with sprints, but the chain shows none: "
                + snapshot.absentReason());
      }
      ReportData data =
          new ReportData(
              net.chainId(),
              net.dir(),
              status,
              sprint,
              blocks,
              tpsSeries(blocks),
              powerAt,
              loads,
              new SprintSummary(snapshot, SprintSummary.nodeByOperator(names)),
              warnings);
      return data.writeTo(outDir);
    }
  }

  private static CometRpcClient answeringNode(LocalTestnet net) {
    String last = "no node";
    for (NodeProcess n : net.nodes()) {
      CometRpcClient rpc = new CometRpcClient(n.rpcUrl(), Duration.ofSeconds(10));
      try {
        rpc.status();
        return rpc;
      } catch (RpcException e) {
        last = e.getMessage();
        rpc.close();
      }
    }
    throw new TestnetException(
        "no node of the testnet in "
            + net.dir()
            + " answers (the report reads the chain from a running node); start it with"
            + " 'bin/sprint testnet up'. Last error: "
            + last);
  }

  /** The epochs the report's table shows: those of its heights, at most {@link #MAX_EPOCHS}. */
  static List<Long> reportedEpochs(SprintSettings sprint, long from, long latest) {
    List<Long> out = new ArrayList<>();
    for (long e = sprint.epochOf(from);
        e <= sprint.epochOf(latest) && out.size() < MAX_EPOCHS;
        e++) {
      out.add(e);
    }
    return out;
  }

  /** Validator sets at each epoch's first height and at evenly spaced heights, by height. */
  private static NavigableMap<Long, List<ValidatorPower>> powerSamples(
      CometRpcClient rpc,
      long from,
      long latest,
      SprintSettings sprint,
      Map<String, String> names) {
    TreeSet<Long> heights = new TreeSet<>();
    long firstEpoch = sprint.epochOf(from);
    long lastEpoch = sprint.epochOf(latest);
    long epochStep = Math.max(1, (lastEpoch - firstEpoch + 1 + MAX_EPOCHS - 1) / MAX_EPOCHS);
    for (long e = firstEpoch; e <= lastEpoch; e += epochStep) {
      heights.add(Math.max(from, sprint.firstHeightOf(e)));
    }
    for (int i = 0; i <= POWER_SAMPLES; i++) {
      heights.add(from + (latest - from) * i / POWER_SAMPLES);
    }
    NavigableMap<Long, List<ValidatorPower>> out = new TreeMap<>();
    for (long h : heights) {
      out.put(h, ChainInspector.validators(rpc, h, names));
    }
    return out;
  }

  /** tx/s over header time, in equal buckets (at least one second wide, at most 150 of them). */
  static List<double[]> tpsSeries(List<BlockMeta> blocks) {
    if (blocks.size() < 2) {
      return List.of();
    }
    Instant t0 = blocks.getFirst().time();
    double span = Duration.between(t0, blocks.getLast().time()).toMillis() / 1000.0;
    double width = Math.max(1.0, Math.ceil(span / MAX_TPS_POINTS));
    int buckets = (int) Math.floor(span / width) + 1;
    long[] txs = new long[buckets];
    for (BlockMeta b : blocks.subList(1, blocks.size())) {
      double t = Duration.between(t0, b.time()).toMillis() / 1000.0;
      txs[Math.min(buckets - 1, (int) Math.floor(t / width))] += b.txs();
    }
    List<double[]> out = new ArrayList<>(buckets);
    for (int i = 0; i < buckets; i++) {
      out.add(new double[] {i * width, txs[i] / width});
    }
    return out;
  }

  /** Everything the report shows, gathered; renders the files. */
  private record ReportData(
      String chainId,
      Path dir,
      TestnetStatus status,
      SprintSettings sprint,
      List<BlockMeta> blocks,
      List<double[]> tps,
      NavigableMap<Long, List<ValidatorPower>> powerAt,
      List<JsonNode> loads,
      SprintSummary sprints,
      List<String> readWarnings) {

    Output writeTo(Path out) {
      List<String> warnings = new ArrayList<>(readWarnings);
      List<Path> charts = new ArrayList<>();
      try {
        Files.createDirectories(out);
        charts.add(tpsChart(out.resolve(TPS_CHART)));
        charts.add(powerChart(out.resolve(POWER_CHART)));
      } catch (IOException | RuntimeException | Error e) {
        // AWT without fonts or a display library: the numbers still matter more than the pictures
        warnings.add("charts not drawn: " + e);
      }
      ObjectNode json = json(charts);
      Path jsonFile = out.resolve(JSON_FILE);
      Path mdFile = out.resolve(MARKDOWN_FILE);
      try {
        JSON.writeValue(jsonFile.toFile(), json);
        Files.writeString(mdFile, ReportMarkdown.render(json, warnings), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new TestnetException("cannot write the report into " + out + ": " + e, e);
      }
      return new Output(jsonFile, mdFile, charts, warnings);
    }

    private Path tpsChart(Path file) throws IOException {
      LineChart chart =
          new LineChart(
              "Committed tx/s over time (" + chainId + ")",
              "seconds since block " + (blocks.isEmpty() ? 0 : blocks.getFirst().height()),
              "tx/s");
      chart.add(new LineChart.Series("committed tx/s", tps));
      chart.writePng(file);
      return file;
    }

    private Path powerChart(Path file) throws IOException {
      LineChart chart =
          new LineChart(
              "Voting power by height (epoch = " + sprint.epochLength() + " blocks)",
              "height",
              "voting power");
      Map<String, List<double[]>> byNode = new TreeMap<>();
      for (Map.Entry<Long, List<ValidatorPower>> e : powerAt.entrySet()) {
        for (ValidatorPower v : e.getValue()) {
          byNode
              .computeIfAbsent(label(v), k -> new ArrayList<>())
              .add(new double[] {e.getKey(), v.power()});
        }
      }
      byNode.forEach((name, points) -> chart.add(new LineChart.Series(name, points)));
      // where CometBFT applies a settled epoch's set: its last height + 2
      sprints
          .verifiedPower(e -> sprint.firstHeightOf(e + 1) + 1)
          .forEach(
              (name, points) ->
                  chart.add(new LineChart.Series(name + " (verified work)", points, true)));
      List<Double> boundaries = new ArrayList<>();
      for (long e = sprint.epochOf(firstHeight()) + 1;
          e <= sprint.epochOf(lastHeight()) && boundaries.size() < MAX_EPOCHS;
          e++) {
        boundaries.add((double) sprint.firstHeightOf(e));
      }
      chart.markers("epoch start", boundaries);
      chart.writePng(file);
      return file;
    }

    private long firstHeight() {
      return blocks.isEmpty() ? 0 : blocks.getFirst().height();
    }

    private long lastHeight() {
      return blocks.isEmpty() ? 0 : blocks.getLast().height();
    }

    private ObjectNode json(List<Path> charts) {
      ObjectNode o = JSON.createObjectNode();
      o.put("generated_at", Instant.now().toString());
      o.put("chain_id", chainId);
      o.put("dir", dir.toString());
      ObjectNode sp = o.putObject("sprint");
      sp.put("epoch_length", sprint.epochLength());
      sp.put("preset", sprint.preset().label());
      sp.put("enabled", sprints.present());
      sp.put("phase", sprints.phase());
      ArrayNode nodes = o.putArray("nodes");
      status
          .nodes()
          .forEach(
              r -> {
                ObjectNode n = nodes.addObject();
                n.put("name", r.name());
                n.put("state", r.state().name().toLowerCase(java.util.Locale.ROOT));
                n.put("rpc", r.rpcUrl());
                if (r.height().isPresent()) {
                  n.put("height", r.height().getAsLong());
                }
              });
      if (status.commonHeight().isPresent()) {
        o.put("common_height", status.commonHeight().getAsLong());
      }
      o.put("app_hash_agreement", status.appHashesAgree());
      ObjectNode hashes = o.putObject("app_hashes_at_common_height");
      status.appHashes().forEach(hashes::put);

      ObjectNode b = o.putObject("blocks");
      long totalTxs = blocks.stream().mapToLong(BlockMeta::txs).sum();
      b.put("first_height", firstHeight());
      b.put("last_height", lastHeight());
      b.put("count", blocks.size());
      b.put("txs", totalTxs);
      if (blocks.size() >= 2) {
        double span =
            Duration.between(blocks.getFirst().time(), blocks.getLast().time()).toMillis() / 1000.0;
        b.put("first_time", blocks.getFirst().time().toString());
        b.put("last_time", blocks.getLast().time().toString());
        b.put("span_s", round(span));
        b.put("mean_block_interval_ms", Math.round(span * 1000 / (blocks.size() - 1)));
        b.put("mean_tps", round(span > 0 ? (totalTxs - blocks.getFirst().txs()) / span : 0));
        b.put("max_txs_in_a_block", blocks.stream().mapToInt(BlockMeta::txs).max().orElse(0));
      }
      ArrayNode tpsArr = o.putArray("tps_over_time");
      for (double[] p : tps) {
        ObjectNode row = tpsArr.addObject();
        row.put("t_s", round(p[0]));
        row.put("tps", round(p[1]));
      }
      o.set("epochs", epochs());
      ArrayNode samples = o.putArray("voting_power_by_height");
      powerAt.forEach(
          (h, vs) -> {
            ObjectNode row = samples.addObject();
            row.put("height", h);
            ObjectNode pw = row.putObject("power");
            vs.forEach(v -> pw.put(label(v), v.power()));
          });
      ArrayNode runs = o.putArray("load_runs");
      for (JsonNode l : loads) {
        ObjectNode r = runs.addObject();
        r.put("started_at", l.path("started_at").asText());
        r.put("mix", l.path("mix").asText());
        r.put("target_tps", l.path("options").path("target_tps").asInt());
        r.put("duration_s", l.path("options").path("duration_s").asLong());
        r.put("acknowledged_tps", l.path("acknowledged_tps").asDouble());
        r.put("committed_tps", l.path("committed_tps").asDouble());
        r.set("latency_ms", l.path("report").path("latency_ms"));
        r.put("acknowledged", l.path("report").path("acknowledged").asLong());
        r.put("missing", l.path("report").path("missing").asLong());
        r.put("failed", l.path("report").path("failed").asLong());
        r.put("verified", l.path("report").path("verified").asBoolean());
        r.set("acknowledged_by_node", l.path("acknowledged_by_node"));
      }
      o.put("audits", sprints.auditsText());
      o.put("slashes", sprints.slashesText());
      o.put("verified_work", sprints.verifiedWorkText());
      o.set("sprints", sprints.overview(JSON));
      ArrayNode ch = o.putArray("charts");
      charts.forEach(c -> ch.add(c.getFileName().toString()));
      return o;
    }

    /** Per epoch: its heights, blocks and txs seen, and the power distribution at its start. */
    private ArrayNode epochs() {
      ArrayNode arr = JSON.createArrayNode();
      Map<Long, long[]> perEpoch = new TreeMap<>(); // epoch -> {blocks, txs}
      for (BlockMeta m : blocks) {
        long[] acc = perEpoch.computeIfAbsent(sprint.epochOf(m.height()), k -> new long[2]);
        acc[0]++;
        acc[1] += m.txs();
      }
      int written = 0;
      for (Map.Entry<Long, long[]> e : perEpoch.entrySet()) {
        if (written++ >= MAX_EPOCHS) {
          break;
        }
        long epoch = e.getKey();
        long first = sprint.firstHeightOf(epoch);
        ObjectNode row = arr.addObject();
        row.put("epoch", epoch);
        row.put("first_height", first);
        row.put("last_height", first + sprint.epochLength() - 1);
        row.put("blocks_seen", e.getValue()[0]);
        row.put("txs", e.getValue()[1]);
        List<ValidatorPower> vs = powerAtOrAfter(Math.max(first, firstHeight()));
        long total = vs.stream().mapToLong(ValidatorPower::power).sum();
        row.put("total_power", total);
        ArrayNode vals = row.putArray("validators");
        for (ValidatorPower v : vs) {
          ObjectNode vn = vals.addObject();
          vn.put("node", v.node());
          vn.put("address", v.address());
          vn.put("power", v.power());
          vn.put("share", total > 0 ? round(100.0 * v.power() / total) : 0);
        }
        sprints.fillEpoch(row);
      }
      return arr;
    }

    private List<ValidatorPower> powerAtOrAfter(long height) {
      Map.Entry<Long, List<ValidatorPower>> e = powerAt.ceilingEntry(height);
      if (e == null) {
        e = powerAt.floorEntry(height);
      }
      return e == null ? List.of() : e.getValue();
    }
  }

  private static String label(ValidatorPower v) {
    return "?".equals(v.node()) ? v.address().substring(0, 8) : v.node();
  }

  static double round(double v) {
    return Math.round(v * 10.0) / 10.0;
  }
}
