package org.sprintchain.testnet.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.sprintchain.chain.crypto.Ed25519;
import org.sprintchain.chain.tx.TxSigner;
import org.sprintchain.client.AbciQueryResult;
import org.sprintchain.client.BroadcastResult;
import org.sprintchain.client.CometRpcClient;
import org.sprintchain.client.RpcException;
import org.sprintchain.client.TxEvent;
import org.sprintchain.client.TxResult;
import org.sprintchain.proto.tx.v1.Msg;
import org.sprintchain.proto.tx.v1.MsgInferenceRequest;
import org.sprintchain.proto.tx.v1.TxBody;
import org.sprintchain.testnet.InferenceSetup;
import org.sprintchain.testnet.TestnetException;

/**
 * Part 2 of {@code bench inference}: sends paid jobs from one key through one node at an offered
 * rate (consecutive sequences, in order, so they can share blocks) and times each from its {@code
 * broadcast_tx_sync} to the first block in which its job reads {@code DONE}. One thread does both:
 * between sends it polls the node's height every {@value #POLL_MILLIS} ms, and at each new height
 * finds the job ids of newly included requests (their {@code inference_request} event) and reads
 * every open job, since a status can change only with a block.
 */
final class PaidJobLoad {
  static final long TX_FEE = 1;
  static final long MAX_FEE = 100_000;
  static final long POLL_MILLIS = 50;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] PHRASES = {
    "the quick brown fox jumps over the lazy dog",
    "validators execute paid inference jobs and auditors re-execute a sample",
    "a bit-exact integer engine turns every audit into a hash comparison",
    "embeddings per second against latency per job",
  };

  private final CometRpcClient rpc;
  private final Ed25519.KeyPair payer;
  private final String chainId;
  private final Consumer<String> log;

  PaidJobLoad(CometRpcClient rpc, Ed25519.KeyPair payer, String chainId, Consumer<String> log) {
    this.rpc = rpc;
    this.payer = payer;
    this.chainId = chainId;
    this.log = log;
  }

  /** Sends every job of {@code o}, then waits for all to be final or for {@code drain}. */
  List<PaidJob> run(InferenceBenchOptions o, Duration drain) {
    long sequence = query("/account/" + payer.address()).path("sequence").asLong();
    List<PaidJob> jobs = new ArrayList<>();
    long start = System.nanoTime();
    long intervalNanos = o.rate() > 0 ? Math.round(1e9 / o.rate()) : 0;
    long lastHeight = -1;
    long deadline = Long.MAX_VALUE;
    int nextLog = 0;
    while (true) {
      long now = System.nanoTime();
      while (jobs.size() < o.jobs() && now - (start + jobs.size() * intervalNanos) >= 0) {
        int i = jobs.size();
        jobs.add(
            send(
                i, o.isMiniLm(i) ? InferenceSetup.MINILM : InferenceSetup.SYNTHETIC, sequence + i));
        if (jobs.size() == o.jobs()) {
          deadline = System.nanoTime() + drain.toNanos();
          log.accept("all " + o.jobs() + " requests sent; waiting for the jobs to settle");
        }
        now = System.nanoTime();
      }
      long height = height();
      if (height != lastHeight) {
        lastHeight = height;
        sweep(jobs);
        long finals = jobs.stream().filter(PaidJob::isFinal).count();
        if (finals >= nextLog) {
          log.accept("height " + height + ": " + finals + " of " + o.jobs() + " jobs final");
          nextLog = (int) finals + Math.max(1, o.jobs() / 5);
        }
        if (jobs.size() == o.jobs() && finals == o.jobs()) {
          return jobs;
        }
      }
      if (System.nanoTime() - deadline > 0) {
        log.accept("drain time over; jobs not final are reported by their last status");
        return jobs;
      }
      sleep(POLL_MILLIS);
    }
  }

  private PaidJob send(int index, String model, long sequence) {
    String text = "job " + index + ": " + PHRASES[index % PHRASES.length].repeat(1 + index % 3);
    TxBody body =
        TxBody.newBuilder()
            .setChainId(chainId)
            .setSequence(sequence)
            .setFee(TX_FEE)
            .addMsgs(
                Msg.newBuilder()
                    .setInferenceRequest(
                        MsgInferenceRequest.newBuilder()
                            .setModelId(model)
                            .setInput(ByteString.copyFrom(text, StandardCharsets.UTF_8))
                            .setMaxFee(MAX_FEE)))
            .build();
    byte[] tx = TxSigner.sign(payer, body);
    long t0 = System.nanoTime();
    try {
      BroadcastResult r = rpc.broadcastTxSync(tx);
      if (!r.accepted()) {
        return PaidJob.refused(index, model, t0, "CheckTx " + r.code() + ": " + r.log());
      }
      return PaidJob.sent(index, model, r.hash(), t0);
    } catch (RpcException e) {
      return PaidJob.refused(index, model, t0, "broadcast failed: " + e.getMessage());
    }
  }

  private void sweep(List<PaidJob> jobs) {
    long now = System.nanoTime();
    for (int i = 0; i < jobs.size(); i++) {
      PaidJob j = jobs.get(i);
      if (j.isFinal()) {
        continue;
      }
      if (j.id() < 0) {
        Optional<TxResult> included = rpc.tx(j.txHash());
        if (included.isEmpty()) {
          continue;
        }
        if (!included.get().ok()) {
          jobs.set(
              i,
              j.asRefused(now, "DeliverTx " + included.get().code() + ": " + included.get().log()));
          continue;
        }
        j = j.withId(jobId(included.get()));
      }
      JsonNode rec = query("/inference/job/" + j.id());
      String status = rec.path("status").asText();
      j = j.withStatus(status, now, rec.path("executor").asText(), rec.path("sampled").asBoolean());
      jobs.set(i, j);
    }
  }

  private static long jobId(TxResult r) {
    for (TxEvent e : r.events()) {
      if (e.type().equals("inference_request") && e.attribute("id").isPresent()) {
        return Long.parseLong(e.attribute("id").get());
      }
    }
    throw new TestnetException("request tx " + r.hash() + " has no inference_request event");
  }

  private long height() {
    return rpc.status().latestHeight();
  }

  private JsonNode query(String path) {
    AbciQueryResult r = rpc.abciQuery(path, new byte[0]);
    if (!r.ok()) {
      throw new TestnetException("query " + path + " failed: " + r.log());
    }
    try {
      return JSON.readTree(r.value());
    } catch (IOException e) {
      throw new TestnetException("query " + path + " answered no JSON: " + e, e);
    }
  }

  private static void sleep(long millis) {
    try {
      TimeUnit.MILLISECONDS.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TestnetException("interrupted", e);
    }
  }
}
