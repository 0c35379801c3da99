package org.sprintchain.chain.inference;

import static org.sprintchain.chain.genesis.GenesisFields.intNum;
import static org.sprintchain.chain.genesis.GenesisFields.num;
import static org.sprintchain.chain.genesis.GenesisFields.requireFields;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.sprintchain.chain.crypto.Address;
import org.sprintchain.chain.genesis.GenesisException;

/**
 * The JSON forms: genesis params (parsed and validated, naming the bad field), the stored params
 * (key {@code 0x20}, fixed field order so the bytes are canonical) and the query answers.
 */
final class InferenceJson {
  static final ObjectMapper JSON = new ObjectMapper();
  static final List<String> PARAM_FIELDS =
      List.of(
          "timeout_blocks",
          "audit_rate_bps",
          "bad_history_audit_rate_bps",
          "auditors_per_job",
          "executor_share_bps",
          "liveness_penalty",
          "fraud_slash_bps",
          "reexecution_budget_per_block");

  private InferenceJson() {}

  static ObjectNode params(InferenceParams p) {
    ObjectNode out = JSON.createObjectNode();
    out.put("timeout_blocks", p.timeoutBlocks());
    out.put("audit_rate_bps", p.auditRateBps());
    out.put("bad_history_audit_rate_bps", p.badHistoryAuditRateBps());
    out.put("auditors_per_job", p.auditorsPerJob());
    out.put("executor_share_bps", p.executorShareBps());
    out.put("liveness_penalty", p.livenessPenalty());
    out.put("fraud_slash_bps", p.fraudSlashBps());
    out.put("reexecution_budget_per_block", p.reexecutionBudgetPerBlock());
    return out;
  }

  static byte[] encodeParams(InferenceParams p) {
    return params(p).toString().getBytes(StandardCharsets.UTF_8);
  }

  static InferenceParams decodeParams(byte[] bytes) {
    try {
      return parseParams(JSON.readTree(bytes), "inference.params");
    } catch (IOException | GenesisException e) {
      throw new IllegalStateException("stored inference params are unreadable: " + e, e);
    }
  }

  static InferenceParams parseParams(JsonNode node, String path) throws GenesisException {
    requireFields(node, path, PARAM_FIELDS);
    try {
      return new InferenceParams(
          num(node, path, "timeout_blocks"),
          intNum(node, path, "audit_rate_bps"),
          intNum(node, path, "bad_history_audit_rate_bps"),
          intNum(node, path, "auditors_per_job"),
          intNum(node, path, "executor_share_bps"),
          num(node, path, "liveness_penalty"),
          intNum(node, path, "fraud_slash_bps"),
          num(node, path, "reexecution_budget_per_block"));
    } catch (InferenceParams.Invalid e) {
      throw new GenesisException(path + "." + e.field(), e.getMessage());
    }
  }

  static ObjectNode model(ModelEntry m) {
    ObjectNode out = JSON.createObjectNode();
    out.put("model_id", m.modelId());
    out.put("architecture", m.architecture().id());
    out.put("weights_sha256", m.weightsHex());
    out.put("price_per_unit", m.pricePerUnit());
    out.put("max_input_bytes", m.maxInputBytes());
    return out;
  }

  static ObjectNode job(JobRecord j) {
    ObjectNode out = JSON.createObjectNode();
    out.put("id", j.id());
    out.put("payer", j.payer().toString());
    out.put("model_id", j.modelId());
    out.put("input", Base64.getEncoder().encodeToString(j.input()));
    out.put("input_bytes", j.input().length);
    out.put("max_fee", j.maxFee());
    out.put("request_height", j.requestHeight());
    out.put("status", j.status().name());
    out.put("executor", j.executor().map(Address::toString).orElse(""));
    out.put("assigned_height", j.assignedHeight());
    out.put("deadline", j.deadline());
    out.put("result_height", j.resultHeight());
    out.put("output_digest", hex(j.outputDigest()));
    out.put("units", j.units());
    out.put("fee", j.fee());
    out.put("escrow", j.escrow());
    out.put("sampled", j.sampled());
    out.put("audit_deadline", j.auditDeadline());
    ArrayNode audits = out.putArray("audits");
    for (JobRecord.Audit a : j.audits()) {
      ObjectNode n = audits.addObject();
      n.put("auditor", a.auditor().toString());
      n.put("verdict", a.verdict().map(InferenceJson::hex).orElse(""));
    }
    return out;
  }

  static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }
}
