package org.sprintchain.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.sprintchain.chain.crypto.Address;
import org.sprintchain.chain.inference.JobRecord;

/**
 * An inference job as {@code /inference/job/<id>} answers it. Byte fields are kept as the answer
 * writes them (input base64, digests lower-case hex, "" for none) so that two views of one record
 * compare equal.
 *
 * @param status a {@link JobRecord.Status} name
 * @param executor an spr1 address, "" before assignment
 */
public record InferenceJob(
    long id,
    String payer,
    String modelId,
    String inputBase64,
    long maxFee,
    long requestHeight,
    String status,
    String executor,
    long assignedHeight,
    long deadline,
    long resultHeight,
    String outputDigest,
    long units,
    long fee,
    boolean sampled,
    long auditDeadline,
    List<Audit> audits) {

  /** The statuses after which nothing about the job changes. */
  public static final Set<String> FINAL = Set.of("DONE", "TIMED_OUT", "FRAUD", "UNSERVED");

  /** An auditor and the digest it submitted (hex, "" while it has not). */
  public record Audit(String auditor, String verdict) {}

  public InferenceJob {
    audits = List.copyOf(audits);
  }

  public boolean isFinal() {
    return FINAL.contains(status);
  }

  /** The payer got {@code max_fee} back in full: the job was never served or was proven wrong. */
  public boolean refundedInFull() {
    return status.equals("TIMED_OUT") || status.equals("FRAUD") || status.equals("UNSERVED");
  }

  public byte[] input() {
    return Base64.getDecoder().decode(inputBase64);
  }

  /**
   * Reads the JSON answer.
   *
   * @throws IllegalArgumentException when a field is missing or of the wrong type
   */
  public static InferenceJob fromJson(JsonNode doc) {
    List<Audit> audits = new ArrayList<>();
    for (JsonNode a : doc.path("audits")) {
      audits.add(new Audit(text(a, "auditor"), text(a, "verdict")));
    }
    return new InferenceJob(
        number(doc, "id"),
        text(doc, "payer"),
        text(doc, "model_id"),
        text(doc, "input"),
        number(doc, "max_fee"),
        number(doc, "request_height"),
        text(doc, "status"),
        text(doc, "executor"),
        number(doc, "assigned_height"),
        number(doc, "deadline"),
        number(doc, "result_height"),
        text(doc, "output_digest"),
        number(doc, "units"),
        number(doc, "fee"),
        bool(doc, "sampled"),
        number(doc, "audit_deadline"),
        audits);
  }

  /**
   * Decodes the stored record (key {@code 0x22 ‖ id}; layout in {@link JobRecord}), so a client can
   * compare a proven value with the JSON answer.
   *
   * @throws IllegalArgumentException when the bytes are not a job record
   */
  public static InferenceJob decodeRecord(long id, byte[] bytes) {
    HexFormat hex = HexFormat.of();
    try {
      ByteBuffer in = ByteBuffer.wrap(bytes);
      String payer = Address.fromBytes(take(in, 20)).toString();
      String model = new String(take(in, in.get() & 0xff), StandardCharsets.UTF_8);
      byte[] input = take(in, in.getInt());
      long maxFee = in.getLong();
      long requestHeight = in.getLong();
      JobRecord.Status status = JobRecord.Status.values()[in.get()];
      byte[] ex = take(in, 20);
      String executor = Arrays.equals(ex, new byte[20]) ? "" : Address.fromBytes(ex).toString();
      long assigned = in.getLong();
      long deadline = in.getLong();
      long resultHeight = in.getLong();
      byte[] digest = take(in, 32);
      long units = in.getLong();
      long fee = in.getLong();
      boolean sampled = in.get() != 0;
      long auditDeadline = in.getLong();
      int n = in.get() & 0xff;
      List<Audit> audits = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        String auditor = Address.fromBytes(take(in, 20)).toString();
        boolean has = in.get() != 0;
        byte[] verdict = take(in, 32);
        audits.add(new Audit(auditor, has ? hex.formatHex(verdict) : ""));
      }
      if (in.hasRemaining()) {
        throw new IllegalArgumentException("job record " + id + " has trailing bytes");
      }
      return new InferenceJob(
          id,
          payer,
          model,
          Base64.getEncoder().encodeToString(input),
          maxFee,
          requestHeight,
          status.name(),
          executor,
          assigned,
          deadline,
          resultHeight,
          resultHeight == 0 ? "" : hex.formatHex(digest),
          units,
          fee,
          sampled,
          auditDeadline,
          audits);
    } catch (BufferUnderflowException | IndexOutOfBoundsException | NegativeArraySizeException e) {
      throw new IllegalArgumentException("job record " + id + " is truncated", e);
    }
  }

  private static byte[] take(ByteBuffer in, int n) {
    byte[] out = new byte[n];
    in.get(out);
    return out;
  }

  private static String text(JsonNode doc, String field) {
    JsonNode v = doc.get(field);
    if (v == null || !v.isTextual()) {
      throw new IllegalArgumentException("job answer lacks the text field '" + field + "'");
    }
    return v.textValue();
  }

  private static long number(JsonNode doc, String field) {
    JsonNode v = doc.get(field);
    if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
      throw new IllegalArgumentException("job answer lacks the integer field '" + field + "'");
    }
    return v.longValue();
  }

  private static boolean bool(JsonNode doc, String field) {
    JsonNode v = doc.get(field);
    if (v == null || !v.isBoolean()) {
      throw new IllegalArgumentException("job answer lacks the boolean field '" + field + "'");
    }
    return v.booleanValue();
  }
}
