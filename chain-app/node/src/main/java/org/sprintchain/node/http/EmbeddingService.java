package org.sprintchain.node.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.sprintchain.client.BroadcastResult;
import org.sprintchain.client.ChainQueries;
import org.sprintchain.client.CometRpcClient;
import org.sprintchain.client.InferenceClient;
import org.sprintchain.client.InferenceJob;
import org.sprintchain.client.InferenceReceipt;
import org.sprintchain.client.ModelInfo;
import org.sprintchain.client.RpcException;
import org.sprintchain.client.TxEvent;
import org.sprintchain.client.TxResult;

/**
 * The endpoint's work, apart from HTTP: check the signed request against the body, broadcast it
 * through the node's CometBFT RPC, wait for its block and then for the job to settle, read the
 * output from the executor's result tx, and shape the answer. Every failure is an {@link
 * ApiError.Failure}.
 */
final class EmbeddingService {
  /** CheckTx and block codes the answer distinguishes (chain-core's RejectReason). */
  static final int INSUFFICIENT_FUNDS = 7;

  static final int INFERENCE_DISABLED = 50;
  static final int UNKNOWN_MODEL = 51;

  private final CometRpcClient rpc;
  private final InferenceClient inference;
  private final Duration jobTimeout;
  private final Duration poll;
  private final int maxTxBytes;

  EmbeddingService(CometRpcClient rpc, Duration jobTimeout, Duration poll, int maxTxBytes) {
    this.rpc = rpc;
    this.inference = new InferenceClient(rpc);
    this.jobTimeout = jobTimeout;
    this.poll = poll;
    this.maxTxBytes = maxTxBytes;
  }

  ObjectNode models() {
    return OpenAiJson.models(registry());
  }

  ObjectNode model(String id) {
    return OpenAiJson.model(
        registry().stream()
            .filter(m -> m.modelId().equals(id))
            .findFirst()
            .orElseThrow(() -> ApiError.unknownModel(id).failure()));
  }

  ObjectNode embed(EmbeddingRequest request) {
    long deadline = System.nanoTime() + jobTimeout.toNanos();
    SignedRequest signed = SignedRequest.match(request, maxTxBytes);
    ModelInfo model =
        registry().stream()
            .filter(m -> m.modelId().equals(signed.modelId()))
            .findFirst()
            .orElseThrow(() -> ApiError.unknownModel(signed.modelId()).failure());
    TxResult included = broadcast(request.signedTx(), signed.txHash(), deadline);
    if (!included.ok()) {
      throw refusal(included.code(), included.log()).failure();
    }
    long id = requestId(included);
    InferenceJob job = awaitFinal(id, signed.txHash(), deadline);
    InferenceReceipt partial = InferenceReceipt.of(job, signed.txHash(), "");
    if (job.status().equals("TIMED_OUT") || job.status().equals("UNSERVED")) {
      throw ApiError.of(
              503,
              "api_error",
              job.status().toLowerCase(java.util.Locale.ROOT),
              "job "
                  + id
                  + " was "
                  + job.status()
                  + ": no executor answered in time; max_fee "
                  + job.maxFee()
                  + " was refunded")
          .withRequestId(id)
          .withReceipt(partial.toJson())
          .failure();
    }
    InferenceClient.ResultOutput output =
        call(() -> inference.result(job), Optional.of(id))
            .orElseThrow(
                () ->
                    ApiError.unreachable(
                            "job "
                                + id
                                + " is "
                                + job.status()
                                + " but the node has no result tx for it at height "
                                + job.resultHeight())
                        .withRequestId(id)
                        .withReceipt(partial.toJson())
                        .failure());
    InferenceReceipt receipt = InferenceReceipt.of(job, signed.txHash(), output.txHash());
    if (job.status().equals("FRAUD")) {
      throw ApiError.of(
              502,
              "api_error",
              "executor_fraud",
              "the executor's output for job "
                  + id
                  + " was proven wrong by re-execution; the fee was refunded, try again")
          .withRequestId(id)
          .withReceipt(receipt.toJson())
          .failure();
    }
    float[] embedding;
    try {
      embedding = FixedPointEmbedding.toFloats(output.output());
    } catch (IllegalArgumentException e) {
      throw ApiError.unreachable("job " + id + ": " + e.getMessage()).withRequestId(id).failure();
    }
    return OpenAiJson.embeddings(model.modelId(), embedding, request.base64(), receipt);
  }

  /** How a refused request tx (CheckTx or block code) is answered. */
  static ApiError refusal(int code, String log) {
    String detail = "the chain refused the request tx (code " + code + "): " + log;
    return switch (code) {
      case INSUFFICIENT_FUNDS -> ApiError.insufficientFunds(detail);
      case UNKNOWN_MODEL -> ApiError.of(404, "invalid_request_error", "model_not_found", detail);
      case INFERENCE_DISABLED ->
          ApiError.of(404, "invalid_request_error", "inference_disabled", detail);
      default -> ApiError.badRequest("tx_refused", detail);
    };
  }

  private java.util.List<ModelInfo> registry() {
    try {
      return inference.models();
    } catch (ChainQueries.QueryException e) {
      throw ApiError.of(404, "invalid_request_error", "inference_disabled", e.getMessage())
          .failure();
    } catch (RpcException e) {
      throw ApiError.unreachable(e.getMessage()).failure();
    }
  }

  private TxResult broadcast(byte[] tx, String hash, long deadline) {
    BroadcastResult check;
    try {
      check = rpc.broadcastTxSync(tx);
    } catch (CometRpcClient.JsonRpcErrorException e) {
      if (e.getMessage().contains("already exists in cache")) {
        throw ApiError.badRequest(
                "duplicate_tx",
                "tx " + hash + " was already submitted; sign a new request (next sequence)")
            .failure();
      }
      throw ApiError.unreachable(e.getMessage()).failure();
    } catch (RpcException e) {
      throw ApiError.unreachable(e.getMessage()).failure();
    }
    if (!check.accepted()) {
      throw refusal(check.code(), check.log()).failure();
    }
    while (true) {
      Optional<TxResult> result = call(() -> rpc.tx(hash), Optional.empty());
      if (result.isPresent()) {
        return result.get();
      }
      if (System.nanoTime() - deadline > 0) {
        throw ApiError.timeout(
                "request tx " + hash + " is in the mempool but not in a block after " + seconds())
            .failure();
      }
      pause();
    }
  }

  private static long requestId(TxResult included) {
    for (TxEvent e : included.events()) {
      if (e.type().equals("inference_request") && e.attribute("id").isPresent()) {
        try {
          return Long.parseLong(e.attribute("id").get());
        } catch (NumberFormatException ignored) {
          break;
        }
      }
    }
    throw ApiError.unreachable(
            "request tx " + included.hash() + " is in block " + included.height() + " with no id")
        .failure();
  }

  private InferenceJob awaitFinal(long id, String requestTx, long deadline) {
    while (true) {
      InferenceJob job = call(() -> inference.job(id), Optional.of(id));
      if (job.isFinal()) {
        return job;
      }
      if (System.nanoTime() - deadline > 0) {
        throw ApiError.timeout(
                "job "
                    + id
                    + " is "
                    + job.status()
                    + " after "
                    + seconds()
                    + "; poll /inference/job/"
                    + id
                    + " on the chain")
            .withRequestId(id)
            .withReceipt(InferenceReceipt.of(job, requestTx, "").toJson())
            .failure();
      }
      pause();
    }
  }

  private static <T> T call(java.util.function.Supplier<T> rpcCall, Optional<Long> requestId) {
    try {
      return rpcCall.get();
    } catch (RpcException e) {
      ApiError error = ApiError.unreachable(e.getMessage());
      throw requestId.map(error::withRequestId).orElse(error).failure();
    }
  }

  private String seconds() {
    return jobTimeout.toSeconds() + " s";
  }

  private void pause() {
    try {
      TimeUnit.MILLISECONDS.sleep(poll.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ApiError.unreachable("interrupted while waiting").failure();
    }
  }
}
