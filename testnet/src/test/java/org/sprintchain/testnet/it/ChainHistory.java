package org.sprintchain.testnet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.sprintchain.chain.crypto.Address;
import org.sprintchain.client.CometRpcClient;
import org.sprintchain.proto.tx.v1.Msg;
import org.sprintchain.proto.tx.v1.SignedTx;
import org.sprintchain.proto.tx.v1.TxBody;

/** Reads a chain's history back through RPC: header app hashes, and every block's txs. */
final class ChainHistory {
  private static final int METAS_PER_CALL = 20;

  private ChainHistory() {}

  /** Header app hash (upper-case hex) of every height in {@code [from, to]}. */
  static Map<Long, String> appHashes(CometRpcClient rpc, long from, long to) {
    Map<Long, String> hashes = new TreeMap<>();
    for (long lo = from; lo <= to; lo += METAS_PER_CALL) {
      long hi = Math.min(to, lo + METAS_PER_CALL - 1);
      JsonNode r =
          rpc.call(
              "blockchain", Map.of("minHeight", Long.toString(lo), "maxHeight", Long.toString(hi)));
      for (JsonNode meta : r.path("block_metas")) {
        JsonNode header = meta.path("header");
        hashes.put(
            header.path("height").asLong(),
            header.path("app_hash").asText().toUpperCase(Locale.ROOT));
      }
    }
    assertEquals(to - from + 1, hashes.size(), "headers of heights " + from + ".." + to);
    return hashes;
  }

  /**
   * Applies every tx of blocks {@code [from, to]} to {@code model}, asserting each executed with
   * code 0, and returns how many there were.
   */
  static long replayInto(LedgerModel model, CometRpcClient rpc, long from, long to) {
    long count = 0;
    for (long h = from; h <= to; h++) {
      JsonNode block = rpc.block(h).path("block");
      JsonNode txs = block.path("data").path("txs");
      if (txs.isEmpty()) {
        continue;
      }
      Address proposer =
          Address.fromBytes(
              HexFormat.of().parseHex(block.path("header").path("proposer_address").asText()));
      JsonNode results =
          rpc.call("block_results", Map.of("height", Long.toString(h))).path("txs_results");
      assertEquals(txs.size(), results.size(), "results of block " + h);
      for (int i = 0; i < txs.size(); i++) {
        assertEquals(
            0,
            results.get(i).path("code").asInt(),
            "tx " + i + " of block " + h + ": " + results.get(i));
        apply(model, Base64.getDecoder().decode(txs.get(i).asText()), proposer);
        count++;
      }
    }
    return count;
  }

  private static void apply(LedgerModel model, byte[] raw, Address proposer) {
    TxBody body;
    try {
      body = TxBody.parseFrom(SignedTx.parseFrom(raw).getBody());
    } catch (InvalidProtocolBufferException e) {
      throw new AssertionError("a committed tx does not decode", e);
    }
    Address signer = Address.fromPublicKey(body.getSignerPubKey().toByteArray());
    List<Msg> msgs = new ArrayList<>(body.getMsgsList());
    assertTrue(msgs.size() == 1 && msgs.get(0).hasSend(), "load txs are single MsgSends");
    model.transfer(
        signer,
        Address.fromBytes(msgs.get(0).getSend().getTo().toByteArray()),
        msgs.get(0).getSend().getAmount(),
        body.getFee(),
        proposer);
  }
}
