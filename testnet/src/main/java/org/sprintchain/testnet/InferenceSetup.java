package org.sprintchain.testnet;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.sprintchain.chain.crypto.Hashes;
import org.sprintchain.chain.inference.ModelRuntime;

/**
 * The paid-inference section of a testnet genesis (docs/inference.md): two models — {@value
 * #SYNTHETIC}, a fast seeded integer model for tests, and {@value #MINILM}, all-MiniLM-L6-v2 run by
 * the integer engine, pinned to the SHA-256 of the weights on the class path — and params that suit
 * a loopback net: 20-block timeouts, one auditor per sampled job, 10% of jobs audited (50% after a
 * timeout or a fraud).
 */
public final class InferenceSetup {
  public static final String SYNTHETIC = "synthetic";
  public static final String MINILM = "all-minilm-l6-v2";

  private static final ObjectMapper JSON = new ObjectMapper();

  private InferenceSetup() {}

  /** The section with the default audit rate. */
  public static ObjectNode section() {
    return section(1_000);
  }

  /** The section with {@code auditRateBps} of jobs audited. */
  public static ObjectNode section(int auditRateBps) {
    ObjectNode out = JSON.createObjectNode();
    ObjectNode p = out.putObject("params");
    p.put("timeout_blocks", 20);
    p.put("audit_rate_bps", auditRateBps);
    p.put("bad_history_audit_rate_bps", Math.max(auditRateBps, 5_000));
    p.put("auditors_per_job", 1);
    p.put("executor_share_bps", 8_000);
    p.put("liveness_penalty", 50);
    p.put("fraud_slash_bps", 5_000);
    p.put("reexecution_budget_per_block", 100_000);
    var models = out.putArray("models");
    models
        .addObject()
        .put("model_id", SYNTHETIC)
        .put("architecture", "synthetic-v1")
        .put(
            "weights_sha256",
            HexFormat.of()
                .formatHex(
                    Hashes.sha256(
                        "sprintchain/testnet/synthetic".getBytes(StandardCharsets.UTF_8))))
        .put("price_per_unit", 1)
        .put("max_input_bytes", 4_096);
    models
        .addObject()
        .put("model_id", MINILM)
        .put("architecture", "minilm-l6-v2-int8")
        .put("weights_sha256", ModelRuntime.bundledMiniLmWeightsHex())
        .put("price_per_unit", 10)
        .put("max_input_bytes", 2_048);
    return out;
  }
}
