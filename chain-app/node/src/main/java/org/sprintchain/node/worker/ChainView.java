package org.sprintchain.node.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HexFormat;
import org.sprintchain.chain.crypto.Address;
import org.sprintchain.client.AbciQueryResult;
import org.sprintchain.client.CometRpcClient;
import org.sprintchain.client.RpcException;

/** The sprint state the worker needs, read through the node's {@code abci_query} paths. */
final class ChainView {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final CometRpcClient rpc;

  ChainView(CometRpcClient rpc) {
    this.rpc = rpc;
  }

  /** {@code /sprint/current}: the epoch and phase of the next block. */
  JsonNode current() {
    return query("/sprint/current");
  }

  /** The app's {@code /status}: chain id, last height, app hash. */
  JsonNode appStatus() {
    return query("/status");
  }

  /** The chain's own params: min_fee, max_tx_bytes. */
  JsonNode chainParams() {
    return query("/params");
  }

  /** The sprint params. */
  JsonNode params() {
    return query("/sprint/params");
  }

  JsonNode epoch(long epoch) {
    return query("/sprint/" + epoch);
  }

  JsonNode workerInEpoch(long epoch, Address worker) {
    return query("/sprint/" + epoch + "/" + worker);
  }

  JsonNode audits(long epoch, Address auditor) {
    return query("/sprint/" + epoch + "/audits/" + auditor);
  }

  JsonNode disputes() {
    return query("/disputes");
  }

  JsonNode validators() {
    return query("/validators");
  }

  long sequence(Address account) {
    return query("/account/" + account).path("sequence").asLong();
  }

  /** Any JSON query path, for the steps that read the inference market. */
  JsonNode path(String path) {
    return query(path);
  }

  static byte[] hex(String text) {
    return HexFormat.of().parseHex(text);
  }

  private JsonNode query(String path) {
    AbciQueryResult result = rpc.abciQuery(path, new byte[0]);
    if (!result.ok()) {
      throw new RpcException("query " + path + " failed: " + result.log());
    }
    try {
      return JSON.readTree(result.value());
    } catch (IOException e) {
      throw new RpcException("query " + path + " returned malformed JSON: " + e.getMessage(), e);
    }
  }
}
