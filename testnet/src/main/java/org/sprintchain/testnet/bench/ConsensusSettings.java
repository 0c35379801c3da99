package org.sprintchain.testnet.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sprintchain.testnet.CometConfig;
import org.sprintchain.testnet.TestnetException;

/**
 * The CometBFT settings that bound throughput, read back from a node's {@code config.toml} and
 * {@code genesis.json}, so the report can show (and check) that both sides of the benchmark ran
 * with the same ones.
 */
record ConsensusSettings(Map<String, String> values) {
  private static final List<String[]> KEYS =
      List.of(
          new String[] {"consensus", "timeout_propose"},
          new String[] {"consensus", "timeout_prevote"},
          new String[] {"consensus", "timeout_precommit"},
          new String[] {"consensus", "timeout_commit"},
          new String[] {"consensus", "create_empty_blocks"},
          new String[] {"mempool", "type"},
          new String[] {"mempool", "size"},
          new String[] {"mempool", "max_txs_bytes"},
          new String[] {"mempool", "max_tx_bytes"},
          new String[] {"mempool", "cache_size"},
          new String[] {"mempool", "recheck"},
          new String[] {"mempool", "broadcast"},
          new String[] {"tx_index", "indexer"});

  ConsensusSettings {
    values = Map.copyOf(values);
  }

  static ConsensusSettings read(Path cometHome) {
    CometConfig config = CometConfig.read(cometHome.resolve("config/config.toml"));
    Map<String, String> values = new LinkedHashMap<>();
    for (String[] k : KEYS) {
      values.put(k[0] + "." + k[1], config.getString(k[0], k[1]).orElse("?"));
    }
    try {
      JsonNode genesis =
          new ObjectMapper().readTree(cometHome.resolve("config/genesis.json").toFile());
      JsonNode block = genesis.path("consensus_params").path("block");
      values.put("genesis.block.max_bytes", block.path("max_bytes").asText());
      values.put("genesis.block.max_gas", block.path("max_gas").asText());
    } catch (IOException e) {
      throw new TestnetException("cannot read genesis of " + cometHome + ": " + e, e);
    }
    return new ConsensusSettings(values);
  }

  ObjectNode toJson(ObjectMapper json) {
    ObjectNode o = json.createObjectNode();
    values.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> o.put(e.getKey(), e.getValue()));
    return o;
  }
}
