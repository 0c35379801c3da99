package org.sprintchain.node.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.sprintchain.chain.inference.Architecture;
import org.sprintchain.chain.inference.ModelEntry;
import org.sprintchain.chain.inference.ModelRuntime;
import org.sprintchain.client.RpcException;
import org.sprintchain.proto.tx.v1.Msg;
import org.sprintchain.proto.tx.v1.MsgInferenceResult;
import org.sprintchain.proto.tx.v1.MsgInferenceVerdict;

/**
 * The node's side of the inference market: runs the jobs the chain assigned to this worker and
 * submits their results, and re-executes the sampled jobs it must audit and submits its verdicts.
 * Outputs come from {@link InferenceRunner}: {@link ModelRuntime}'s code, the same the chain
 * re-executes a disputed job with (minilm on the fastest bit-identical matmul kernel), so an honest
 * executor and an honest auditor always agree. Jobs run one at a time between sprint steps: serving
 * inference and sprinting share the worker's thread (docs/inference.md).
 */
final class InferenceStep {
  private final SprintWorker w;
  private final Map<String, ModelEntry> models = new HashMap<>();
  private InferenceRunner runner;
  private Boolean enabled;

  InferenceStep(SprintWorker worker) {
    this.w = worker;
  }

  void run() {
    if (!enabled()) {
      return;
    }
    for (JsonNode job : w.view.path("/inference/assigned/" + w.me).path("jobs")) {
      long id = job.path("id").asLong();
      if (w.due("infer/" + id)) {
        execute(id, job);
      }
    }
    for (JsonNode job : w.view.path("/inference/audits/" + w.me).path("jobs")) {
      long id = job.path("id").asLong();
      if (w.due("verdict/" + id)) {
        verify(id, job);
      }
    }
  }

  private void execute(long id, JsonNode job) {
    ModelEntry model = model(job.path("model_id").asText());
    byte[] input = Base64.getDecoder().decode(job.path("input").asText());
    byte[] output = runner().execute(model, input);
    if (w.options.byzantine() == ByzantineMode.WRONG_OUTPUT) {
      output[0] ^= 1; // a plausible but wrong answer, with a digest that matches it
    }
    long units = ModelRuntime.units(model, input);
    SprintWorker.LOG.info(
        "Inference job {}: {} on {} input bytes, {} units",
        id,
        model.modelId(),
        input.length,
        units);
    w.txs()
        .send(
            "inference result " + id,
            Msg.newBuilder()
                .setInferenceResult(
                    MsgInferenceResult.newBuilder()
                        .setRequestId(id)
                        .setOutput(ByteString.copyFrom(output))
                        .setOutputDigest(ByteString.copyFrom(ModelRuntime.digest(output)))
                        .setUnits(units))
                .build());
  }

  private void verify(long id, JsonNode job) {
    ModelEntry model = model(job.path("model_id").asText());
    byte[] input = Base64.getDecoder().decode(job.path("input").asText());
    byte[] digest = ModelRuntime.digest(runner().execute(model, input));
    SprintWorker.LOG.info(
        "Inference audit of job {}: {}",
        id,
        HexFormat.of().formatHex(digest).equals(job.path("output_digest").asText())
            ? "agrees"
            : "contradicts the executor");
    w.txs()
        .send(
            "inference verdict " + id,
            Msg.newBuilder()
                .setInferenceVerdict(
                    MsgInferenceVerdict.newBuilder()
                        .setRequestId(id)
                        .setOutputDigest(ByteString.copyFrom(digest)))
                .build());
  }

  private ModelEntry model(String modelId) {
    ModelEntry cached = models.get(modelId);
    if (cached != null) {
      return cached;
    }
    for (JsonNode m : w.view.path("/inference/models").path("models")) {
      ModelEntry entry =
          new ModelEntry(
              m.path("model_id").asText(),
              Architecture.ofId(m.path("architecture").asText()).orElseThrow(),
              HexFormat.of().parseHex(m.path("weights_sha256").asText()),
              m.path("price_per_unit").asLong(),
              m.path("max_input_bytes").asInt());
      models.put(entry.modelId(), entry);
    }
    ModelEntry found = models.get(modelId);
    if (found == null) {
      throw new IllegalStateException("model " + modelId + " is not registered");
    }
    return found;
  }

  /** Built on first use: the worker's options are not set yet when this step is constructed. */
  private InferenceRunner runner() {
    if (runner == null) {
      runner = new InferenceRunner(w.options.backend());
    }
    return runner;
  }

  /** Whether the chain has an inference market; asked once, after the first block. */
  private boolean enabled() {
    if (enabled == null) {
      try {
        w.view.path("/inference/params");
        enabled = true;
        SprintWorker.LOG.info("This chain has an inference market; serving jobs");
      } catch (RpcException e) {
        if (!String.valueOf(e.getMessage()).contains("no inference")) {
          throw e;
        }
        enabled = false;
      }
    }
    return enabled;
  }
}
