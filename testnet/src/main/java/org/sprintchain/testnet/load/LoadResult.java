package org.sprintchain.testnet.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.sprintchain.testnet.TestnetException;

/**
 * One {@code bin/sprint load} run as saved in the testnet folder ({@code D/load/run-<UTC>.json}),
 * where {@code testnet report} finds it: the {@link LoadReport}, the acknowledged rate, how the
 * acknowledged txs were spread over the nodes, and every block the run saw (height, header time, tx
 * count) for tx/s over time.
 *
 * @param acknowledgedTps txs the mempools acknowledged per second inside the window
 * @param acknowledgedByNode acknowledged txs by node RPC URL
 */
public record LoadResult(
    Instant startedAt,
    Instant finishedAt,
    String chainId,
    LoadOptions options,
    LoadReport report,
    double acknowledgedTps,
    Map<String, Long> acknowledgedByNode,
    List<BlockRecord> blocks) {
  public static final String FOLDER = "load";
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final DateTimeFormatter FILE_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  public LoadResult {
    acknowledgedByNode = Map.copyOf(acknowledgedByNode);
    blocks = List.copyOf(blocks);
  }

  public ObjectNode toJson() {
    ObjectNode o = JSON.createObjectNode();
    o.put("started_at", startedAt.toString());
    o.put("finished_at", finishedAt.toString());
    o.put("chain_id", chainId);
    o.put("mix", options.mix().label());
    ObjectNode opts = o.putObject("options");
    opts.put("target_tps", options.targetTps());
    opts.put("warmup_s", options.warmup().toSeconds());
    opts.put("duration_s", options.duration().toSeconds());
    opts.put("clients", options.clients());
    opts.put("accounts", options.accounts());
    o.put("acknowledged_tps", Math.round(acknowledgedTps * 10.0) / 10.0);
    o.put("committed_tps", Math.round(report.committedTps() * 10.0) / 10.0);
    o.set("report", report.toJson(JSON));
    ObjectNode byNode = o.putObject("acknowledged_by_node");
    acknowledgedByNode.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> byNode.put(e.getKey(), e.getValue()));
    ArrayNode arr = o.putArray("blocks");
    for (BlockRecord b : blocks) {
      ObjectNode row = arr.addObject();
      row.put("height", b.height());
      row.put("time", b.time().toString());
      row.put("txs", b.txCount());
    }
    return o;
  }

  /** Writes {@code testnetDir/load/run-<started, UTC>.json}; returns the file. */
  public Path save(Path testnetDir) {
    Path folder = testnetDir.resolve(FOLDER);
    Path file = folder.resolve("run-" + FILE_TIME.format(startedAt) + ".json");
    try {
      Files.createDirectories(folder);
      JSON.writeValue(file.toFile(), toJson());
      return file;
    } catch (IOException e) {
      throw new TestnetException("cannot write " + file + ": " + e, e);
    }
  }

  /** Every saved load run of a testnet folder, oldest first (file names sort by start time). */
  public static List<JsonNode> readAll(Path testnetDir) {
    Path folder = testnetDir.resolve(FOLDER);
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    List<JsonNode> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path f :
          files
              .filter(p -> p.getFileName().toString().matches("run-.*\\.json"))
              .sorted()
              .toList()) {
        out.add(JSON.readTree(f.toFile()));
      }
    } catch (IOException e) {
      throw new TestnetException("cannot read the load runs in " + folder + ": " + e, e);
    }
    return out;
  }
}
