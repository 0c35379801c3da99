package org.sprintchain.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.sprintchain.chain.crypto.Hashes;

/**
 * Typed reads of the inference market: the model registry, jobs, and a job's output, which is not
 * in state but in the executor's result tx (found with {@code tx_search} on the {@code
 * inference_result} event, else by scanning the block at the job's result height).
 */
public final class InferenceClient {
  private final CometRpcClient rpc;
  private final ChainQueries queries;

  public InferenceClient(CometRpcClient rpc) {
    this.rpc = rpc;
    this.queries = new ChainQueries(rpc);
  }

  /** The output of a job and the tx that carried it. */
  public record ResultOutput(String txHash, long height, byte[] output) {
    public ResultOutput {
      output = output.clone();
    }

    @Override
    public byte[] output() {
      return output.clone();
    }
  }

  public List<ModelInfo> models() {
    List<ModelInfo> out = new ArrayList<>();
    for (JsonNode m : queries.query("/inference/models").path("models")) {
      out.add(ModelInfo.fromJson(m));
    }
    return out;
  }

  public Optional<ModelInfo> model(String modelId) {
    return models().stream().filter(m -> m.modelId().equals(modelId)).findFirst();
  }

  /** The job as of the latest committed block. */
  public InferenceJob job(long id) {
    JsonNode doc = queries.query("/inference/job/" + id);
    try {
      return InferenceJob.fromJson(doc);
    } catch (IllegalArgumentException e) {
      throw new RpcException(
          "the node's answer for job " + id + " is malformed: " + e.getMessage());
    }
  }

  /**
   * The output whose digest the job records, from the executor's result tx; empty before the result
   * or when neither the tx index nor the block at the result height has it.
   */
  public Optional<ResultOutput> result(InferenceJob job) {
    if (job.resultHeight() == 0 || job.outputDigest().isEmpty()) {
      return Optional.empty();
    }
    try {
      for (IncludedTx found : rpc.txSearch("inference_result.id=" + job.id())) {
        Optional<ResultOutput> match =
            match(job, found.tx(), found.result().hash(), found.result().height());
        if (found.result().ok() && match.isPresent()) {
          return match;
        }
      }
    } catch (RpcException e) {
      // The node may run without a tx index; the block scan below needs none.
    }
    for (byte[] tx : rpc.blockTxs(job.resultHeight())) {
      String hash = HexFormat.of().withUpperCase().formatHex(Hashes.sha256(tx));
      Optional<ResultOutput> match = match(job, tx, hash, job.resultHeight());
      if (match.isPresent()) {
        return match;
      }
    }
    return Optional.empty();
  }

  /** The tx's result for {@code job} when it is the executor's and hashes to the job's digest. */
  static Optional<ResultOutput> match(InferenceJob job, byte[] tx, String hash, long height) {
    byte[] digest = HexFormat.of().parseHex(job.outputDigest());
    return InferenceTxs.resultIn(tx, job.id())
        .filter(r -> r.signer().equals(job.executor()))
        .filter(r -> Arrays.equals(Hashes.sha256(r.output()), digest))
        .map(r -> new ResultOutput(hash.toUpperCase(java.util.Locale.ROOT), height, r.output()));
  }
}
