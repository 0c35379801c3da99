package org.sprintchain.testnet;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sprintchain.client.CometRpcClient;
import org.sprintchain.client.RpcException;

/**
 * Reads what status, reports and acceptance tests compare from a node's CometBFT RPC: header app
 * hashes, block summaries and validator sets at given heights.
 */
public final class ChainInspector {
  /** {@code /blockchain} returns at most this many block metas per call. */
  private static final int BLOCKCHAIN_PAGE = 20;

  private static final int VALIDATORS_PAGE = 100;

  private ChainInspector() {}

  /** The app hash in the header of block {@code height}, upper-case hex. */
  public static String appHashAt(CometRpcClient rpc, long height) {
    JsonNode header = rpc.call("header", Map.of("height", Long.toString(height))).path("header");
    if (header.isMissingNode() || header.path("app_hash").isMissingNode()) {
      throw new RpcException(rpc.url() + ": no header at height " + height);
    }
    return header.path("app_hash").asText().toUpperCase(Locale.ROOT);
  }

  /**
   * The summaries of blocks {@code from..to} (inclusive), in ascending height order, fetched in
   * pages of 20.
   */
  public static List<BlockMeta> blocks(CometRpcClient rpc, long from, long to) {
    List<BlockMeta> out = new ArrayList<>();
    for (long hi = to; hi >= from; hi -= BLOCKCHAIN_PAGE) {
      long lo = Math.max(from, hi - BLOCKCHAIN_PAGE + 1);
      JsonNode metas =
          rpc.call(
                  "blockchain",
                  Map.of("minHeight", Long.toString(lo), "maxHeight", Long.toString(hi)))
              .path("block_metas");
      for (JsonNode m : metas) {
        JsonNode h = m.path("header");
        out.add(
            new BlockMeta(
                h.path("height").asLong(),
                Instant.parse(h.path("time").asText()),
                m.path("num_txs").asInt(),
                h.path("app_hash").asText().toUpperCase(Locale.ROOT),
                h.path("proposer_address").asText().toUpperCase(Locale.ROOT)));
      }
    }
    out.sort(Comparator.comparingLong(BlockMeta::height));
    return out;
  }

  /**
   * The validator set CometBFT used at {@code height}, highest power first, each validator named by
   * the local node whose key it is (from {@code nodeByAddress}, else {@code "?"}).
   */
  public static List<ValidatorPower> validators(
      CometRpcClient rpc, long height, Map<String, String> nodeByAddress) {
    JsonNode result =
        rpc.call(
            "validators",
            Map.of("height", Long.toString(height), "per_page", Integer.toString(VALIDATORS_PAGE)));
    List<ValidatorPower> out = new ArrayList<>();
    for (JsonNode v : result.path("validators")) {
      String address = v.path("address").asText().toUpperCase(Locale.ROOT);
      out.add(
          new ValidatorPower(
              address, nodeByAddress.getOrDefault(address, "?"), v.path("voting_power").asLong()));
    }
    out.sort(
        Comparator.comparingLong(ValidatorPower::power)
            .reversed()
            .thenComparing(ValidatorPower::node));
    return out;
  }
}
