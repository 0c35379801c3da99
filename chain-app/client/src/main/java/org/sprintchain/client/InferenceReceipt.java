package org.sprintchain.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What a paid inference job cost and who answered it, as the HTTP endpoint returns it and {@code
 * bin/sprint verify-receipt} checks it against the chain. Tx hashes are upper-case hex, the digest
 * lower-case hex (as the chain's query answers write it).
 *
 * @param refund what went back to the payer: {@code max_fee − fee}, or {@code max_fee} for a job
 *     refunded in full
 * @param status the job's status when the receipt was made ({@code DONE} once settled)
 * @param verdicts the auditors of a sampled job and whether each agreed with the executor
 */
public record InferenceReceipt(
    long requestId,
    String model,
    String requestTx,
    long requestHeight,
    String resultTx,
    long resultHeight,
    String payer,
    String executor,
    long units,
    long fee,
    long maxFee,
    long refund,
    String outputDigest,
    boolean sampled,
    String status,
    List<Verdict> verdicts) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One auditor's verdict: its digest ("" while it has none) and whether it is the executor's. */
  public record Verdict(String auditor, String digest, boolean agrees) {}

  public InferenceReceipt {
    verdicts = List.copyOf(verdicts);
  }

  /** The receipt of {@code job} (read after its result) requested by tx {@code requestTx}. */
  public static InferenceReceipt of(InferenceJob job, String requestTx, String resultTx) {
    List<Verdict> verdicts = new ArrayList<>();
    for (InferenceJob.Audit a : job.audits()) {
      verdicts.add(
          new Verdict(
              a.auditor(),
              a.verdict(),
              !a.verdict().isEmpty() && a.verdict().equals(job.outputDigest())));
    }
    long refund = job.refundedInFull() ? job.maxFee() : job.maxFee() - job.fee();
    return new InferenceReceipt(
        job.id(),
        job.modelId(),
        requestTx,
        job.requestHeight(),
        resultTx,
        job.resultHeight(),
        job.payer(),
        job.executor(),
        job.units(),
        job.fee(),
        job.maxFee(),
        refund,
        job.outputDigest(),
        job.sampled(),
        job.status(),
        verdicts);
  }

  public ObjectNode toJson() {
    ObjectNode out = JSON.createObjectNode();
    out.put("request_id", requestId);
    out.put("model", model);
    out.put("request_tx", requestTx);
    out.put("request_height", requestHeight);
    out.put("result_tx", resultTx);
    out.put("result_height", resultHeight);
    out.put("payer", payer);
    out.put("executor", executor);
    out.put("units", units);
    out.put("fee", fee);
    out.put("max_fee", maxFee);
    out.put("refund", refund);
    out.put("output_digest", outputDigest);
    ObjectNode audit = out.putObject("audit");
    audit.put("sampled", sampled);
    audit.put("status", status);
    ArrayNode list = audit.putArray("verdicts");
    for (Verdict v : verdicts) {
      list.addObject()
          .put("auditor", v.auditor())
          .put("digest", v.digest())
          .put("agrees", v.agrees());
    }
    return out;
  }

  /**
   * Reads a receipt (the {@code receipt} object of an embeddings answer, or a file holding one).
   *
   * @throws IllegalArgumentException naming the first missing or mistyped field
   */
  public static InferenceReceipt fromJson(JsonNode doc) {
    if (doc == null || !doc.isObject()) {
      throw new IllegalArgumentException("a receipt must be a JSON object");
    }
    JsonNode audit = doc.path("audit");
    List<Verdict> verdicts = new ArrayList<>();
    for (JsonNode v : audit.path("verdicts")) {
      verdicts.add(
          new Verdict(text(v, "auditor"), text(v, "digest"), v.path("agrees").asBoolean()));
    }
    return new InferenceReceipt(
        number(doc, "request_id"),
        text(doc, "model"),
        text(doc, "request_tx"),
        number(doc, "request_height"),
        text(doc, "result_tx"),
        number(doc, "result_height"),
        text(doc, "payer"),
        text(doc, "executor"),
        number(doc, "units"),
        number(doc, "fee"),
        number(doc, "max_fee"),
        number(doc, "refund"),
        text(doc, "output_digest"),
        audit.path("sampled").asBoolean(),
        audit.path("status").asText(),
        verdicts);
  }

  private static String text(JsonNode doc, String field) {
    JsonNode v = doc.get(field);
    if (v == null || !v.isTextual()) {
      throw new IllegalArgumentException("receipt field '" + field + "' must be a string");
    }
    return v.textValue();
  }

  private static long number(JsonNode doc, String field) {
    JsonNode v = doc.get(field);
    if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
      throw new IllegalArgumentException("receipt field '" + field + "' must be an integer");
    }
    return v.longValue();
  }
}
