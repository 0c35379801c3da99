package org.sprintchain.testnet.acceptance.dsl;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.sprintchain.chain.crypto.Ed25519;
import org.sprintchain.chain.tx.TxSigner;
import org.sprintchain.client.BroadcastResult;
import org.sprintchain.client.CometRpcClient;
import org.sprintchain.client.Keyring;
import org.sprintchain.proto.tx.v1.Msg;
import org.sprintchain.proto.tx.v1.MsgInferenceRequest;
import org.sprintchain.proto.tx.v1.TxBody;
import org.sprintchain.testnet.LocalTestnet;

/** Paid inference jobs for acceptance tests: signed requests from the testnet's demo key. */
public final class InferenceJobs {
  public static final long TX_FEE = 1;

  private final Cluster cluster;
  private final SprintProbe probe;
  private final Ed25519.KeyPair payer;

  public InferenceJobs(Cluster cluster) {
    this.cluster = cluster;
    this.probe = new SprintProbe(cluster);
    this.payer = new Keyring(cluster.net().dir()).keyPair(LocalTestnet.DEMO_KEY);
  }

  public Ed25519.KeyPair payer() {
    return payer;
  }

  /**
   * Sends {@code count} requests for {@code model} with distinct inputs through {@code node}'s RPC
   * (consecutive sequences, so they can share a block) and returns the ids of the jobs the chain
   * opened, in order.
   */
  public List<Long> request(int count, String model, long maxFee, Node node) {
    long before = probe.query("/inference/ledger").path("next_id").asLong();
    long sequence = probe.query("/account/" + payer.address()).path("sequence").asLong();
    try (CometRpcClient rpc = node.rpc()) {
      String chainId = rpc.status().network();
      for (int i = 0; i < count; i++) {
        byte[] input =
            ("job " + i + " for " + model + ": the quick brown fox")
                .getBytes(StandardCharsets.UTF_8);
        TxBody body =
            TxBody.newBuilder()
                .setChainId(chainId)
                .setSequence(sequence + i)
                .setFee(TX_FEE)
                .addMsgs(
                    Msg.newBuilder()
                        .setInferenceRequest(
                            MsgInferenceRequest.newBuilder()
                                .setModelId(model)
                                .setInput(ByteString.copyFrom(input))
                                .setMaxFee(maxFee)))
                .build();
        BroadcastResult r = rpc.broadcastTxSync(TxSigner.sign(payer, body));
        if (!r.accepted()) {
          throw new AssertionError("request " + i + " refused: " + r.code() + " " + r.log());
        }
      }
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (probe.query("/inference/ledger").path("next_id").asLong() < before + count) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError(
            "not every request was included: " + probe.query("/inference/ledger"));
      }
      SprintProbe.sleep(300);
    }
    List<Long> ids = new ArrayList<>();
    for (long id = before; id < before + count; id++) {
      ids.add(id);
    }
    return ids;
  }

  /** Waits until every job in {@code ids} has a final status; returns their records. */
  public List<JsonNode> awaitFinal(List<Long> ids, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<JsonNode> jobs = new ArrayList<>();
      boolean done = true;
      for (long id : ids) {
        JsonNode j = probe.query("/inference/job/" + id);
        jobs.add(j);
        String s = j.path("status").asText();
        done &=
            s.equals("DONE") || s.equals("TIMED_OUT") || s.equals("FRAUD") || s.equals("UNSERVED");
      }
      if (done) {
        return jobs;
      }
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("jobs not final within " + timeout.toSeconds() + " s: " + jobs);
      }
      SprintProbe.sleep(500);
    }
  }
}
