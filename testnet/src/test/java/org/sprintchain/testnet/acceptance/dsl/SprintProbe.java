package org.sprintchain.testnet.acceptance.dsl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.sprintchain.chain.crypto.Address;
import org.sprintchain.client.AbciQueryResult;
import org.sprintchain.client.CometRpcClient;
import org.sprintchain.client.RpcException;

/** Reads a cluster's sprint state through a node's {@code abci_query} paths. */
public final class SprintProbe {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Cluster cluster;

  public SprintProbe(Cluster cluster) {
    this.cluster = cluster;
  }

  /** The JSON answer of {@code path}, from the first node that answers. */
  public JsonNode query(String path) {
    RuntimeException last = null;
    for (Node n : cluster.nodes()) {
      try (CometRpcClient rpc = n.rpc()) {
        AbciQueryResult r = rpc.abciQuery(path, new byte[0]);
        if (!r.ok()) {
          throw new AssertionError("query " + path + " failed: " + r.log());
        }
        return JSON.readTree(r.value());
      } catch (RpcException e) {
        last = e;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    throw new AssertionError("no node answered " + path, last);
  }

  /** The settled record of {@code epoch}, waiting up to {@code timeout} for its settlement. */
  public JsonNode awaitSettled(long epoch, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      JsonNode e = query("/sprint/" + epoch);
      String status = e.path("status").asText();
      if (status.equals("SETTLED") || status.equals("FAILED")) {
        return e;
      }
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError(
            "epoch " + epoch + " not settled within " + timeout.toSeconds() + " s: " + e);
      }
      sleep(500);
    }
  }

  /** The sprint operator address of {@code node}: the address of its consensus key. */
  public static String operatorOf(Node node) {
    return Address.fromBytes(HexFormat.of().parseHex(node.process().validatorAddress())).toString();
  }

  /** The worker entry of {@code operator} in a settled epoch record. */
  public static JsonNode workerIn(JsonNode epochRecord, String operator) {
    for (JsonNode w : epochRecord.path("workers")) {
      if (w.path("operator").asText().equals(operator)) {
        return w;
      }
    }
    throw new AssertionError(operator + " not in " + epochRecord);
  }

  static void sleep(long millis) {
    try {
      TimeUnit.MILLISECONDS.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
