package org.sprintchain.chain.inference;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sprintchain.chain.crypto.Address;

/**
 * One inference job (key {@code 0x22 ‖ id}), from request to its final status.
 *
 * <pre>
 *   payer 20 ‖ len u8 ‖ model_id ‖ len u32 ‖ input ‖ max_fee ‖ request_height ‖ status u8 ‖
 *   executor 20 (zeros: none) ‖ assigned_height ‖ deadline ‖ result_height ‖ output_digest 32 ‖
 *   units ‖ fee ‖ sampled u8 ‖ audit_deadline ‖ n u8 ‖ n × (auditor 20 ‖ has u8 ‖ digest 32)
 * </pre>
 *
 * Heights and amounts are u64; zeros stand for "not yet".
 */
public record JobRecord(
    long id,
    Address payer,
    String modelId,
    byte[] input,
    long maxFee,
    long requestHeight,
    Status status,
    Optional<Address> executor,
    long assignedHeight,
    long deadline,
    long resultHeight,
    byte[] outputDigest,
    long units,
    long fee,
    boolean sampled,
    long auditDeadline,
    List<Audit> audits) {

  /** Where a job is; the byte is stored. */
  public enum Status {
    /** Escrowed, waiting for the next block's hash to draw its executor. */
    PENDING,
    /** The executor must answer by the deadline. */
    ASSIGNED,
    /** Result in; the next block's hash decides whether it is audited. */
    SUBMITTED,
    /** Sampled: the auditors recompute it. */
    AUDITING,
    /** A verdict contradicts the executor: the chain re-executes it. */
    DISPUTED,
    /** Settled: the executor (and agreeing auditors) paid. */
    DONE,
    /** No result by the deadline: refunded in full, executor penalized. */
    TIMED_OUT,
    /** Re-execution proved the executor wrong: refunded in full, executor slashed and jailed. */
    FRAUD,
    /** No eligible worker to execute it: refunded in full. */
    UNSERVED;

    boolean open() {
      return this != DONE && this != TIMED_OUT && this != FRAUD && this != UNSERVED;
    }
  }

  /** An auditor of a sampled job and the digest it submitted, if any. */
  public record Audit(Address auditor, Optional<byte[]> verdict) {
    public Audit {
      verdict = verdict.map(byte[]::clone);
    }
  }

  public JobRecord {
    input = input.clone();
    outputDigest = outputDigest.clone();
    audits = List.copyOf(audits);
  }

  /** A new request, escrowed and pending. */
  static JobRecord requested(
      long id, Address payer, String modelId, byte[] input, long maxFee, long height) {
    return new JobRecord(
        id,
        payer,
        modelId,
        input,
        maxFee,
        height,
        Status.PENDING,
        Optional.empty(),
        0,
        0,
        0,
        new byte[0],
        0,
        0,
        false,
        0,
        List.of());
  }

  @Override
  public byte[] input() {
    return input.clone();
  }

  @Override
  public byte[] outputDigest() {
    return outputDigest.clone();
  }

  /** Tokens this job holds in escrow now. */
  public long escrow() {
    return switch (status) {
      case PENDING, ASSIGNED -> maxFee;
      case SUBMITTED, AUDITING, DISPUTED -> fee;
      default -> 0;
    };
  }

  JobRecord withStatus(Status s) {
    return new JobRecord(
        id,
        payer,
        modelId,
        input,
        maxFee,
        requestHeight,
        s,
        executor,
        assignedHeight,
        deadline,
        resultHeight,
        outputDigest,
        units,
        fee,
        sampled,
        auditDeadline,
        audits);
  }

  JobRecord assigned(Address to, long height, long until) {
    return new JobRecord(
        id,
        payer,
        modelId,
        input,
        maxFee,
        requestHeight,
        Status.ASSIGNED,
        Optional.of(to),
        height,
        until,
        resultHeight,
        outputDigest,
        units,
        fee,
        sampled,
        auditDeadline,
        audits);
  }

  JobRecord submitted(long height, byte[] digest, long billedUnits, long charged) {
    return new JobRecord(
        id,
        payer,
        modelId,
        input,
        maxFee,
        requestHeight,
        Status.SUBMITTED,
        executor,
        assignedHeight,
        deadline,
        height,
        digest,
        billedUnits,
        charged,
        sampled,
        auditDeadline,
        audits);
  }

  JobRecord auditing(List<Address> auditors, long until) {
    List<Audit> list = new ArrayList<>();
    auditors.forEach(a -> list.add(new Audit(a, Optional.empty())));
    return new JobRecord(
        id,
        payer,
        modelId,
        input,
        maxFee,
        requestHeight,
        Status.AUDITING,
        executor,
        assignedHeight,
        deadline,
        resultHeight,
        outputDigest,
        units,
        fee,
        true,
        until,
        list);
  }

  JobRecord withVerdict(Address auditor, byte[] digest) {
    List<Audit> list = new ArrayList<>();
    for (Audit a : audits) {
      list.add(a.auditor().equals(auditor) ? new Audit(auditor, Optional.of(digest)) : a);
    }
    return new JobRecord(
        id,
        payer,
        modelId,
        input,
        maxFee,
        requestHeight,
        status,
        executor,
        assignedHeight,
        deadline,
        resultHeight,
        outputDigest,
        units,
        fee,
        sampled,
        auditDeadline,
        list);
  }

  /** The audit entry of {@code auditor}, if it is one of this job's auditors. */
  Optional<Audit> auditOf(Address auditor) {
    return audits.stream().filter(a -> a.auditor().equals(auditor)).findFirst();
  }

  byte[] encode() {
    byte[] model = modelId.getBytes(StandardCharsets.UTF_8);
    ByteBuffer out =
        ByteBuffer.allocate(
            20
                + 1
                + model.length
                + 4
                + input.length
                + 8 * 2
                + 1
                + 20
                + 8 * 3
                + 32
                + 8 * 2
                + 1
                + 8
                + 1
                + audits.size() * 53);
    out.put(payer.toBytes()).put((byte) model.length).put(model);
    out.putInt(input.length).put(input).putLong(maxFee).putLong(requestHeight);
    out.put((byte) status.ordinal());
    out.put(executor.map(Address::toBytes).orElse(new byte[20]));
    out.putLong(assignedHeight).putLong(deadline).putLong(resultHeight);
    out.put(outputDigest.length == 32 ? outputDigest : new byte[32]);
    out.putLong(units).putLong(fee).put((byte) (sampled ? 1 : 0)).putLong(auditDeadline);
    out.put((byte) audits.size());
    for (Audit a : audits) {
      out.put(a.auditor().toBytes());
      out.put((byte) (a.verdict().isPresent() ? 1 : 0));
      out.put(a.verdict().orElse(new byte[32]));
    }
    return out.array();
  }

  static JobRecord decode(long id, byte[] bytes) {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    Address payer = Address.fromBytes(take(in, 20));
    String model = new String(take(in, in.get() & 0xff), StandardCharsets.UTF_8);
    byte[] input = take(in, in.getInt());
    long maxFee = in.getLong();
    long requestHeight = in.getLong();
    Status status = Status.values()[in.get()];
    byte[] ex = take(in, 20);
    Optional<Address> executor =
        java.util.Arrays.equals(ex, new byte[20])
            ? Optional.empty()
            : Optional.of(Address.fromBytes(ex));
    long assigned = in.getLong();
    long deadline = in.getLong();
    long resultHeight = in.getLong();
    byte[] digest = take(in, 32);
    if (resultHeight == 0) {
      digest = new byte[0];
    }
    long units = in.getLong();
    long fee = in.getLong();
    boolean sampled = in.get() != 0;
    long auditDeadline = in.getLong();
    int n = in.get() & 0xff;
    List<Audit> audits = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Address a = Address.fromBytes(take(in, 20));
      boolean has = in.get() != 0;
      byte[] v = take(in, 32);
      audits.add(new Audit(a, has ? Optional.of(v) : Optional.empty()));
    }
    if (in.hasRemaining()) {
      throw new IllegalStateException("job record " + id + " has trailing bytes");
    }
    return new JobRecord(
        id,
        payer,
        model,
        input,
        maxFee,
        requestHeight,
        status,
        executor,
        assigned,
        deadline,
        resultHeight,
        digest,
        units,
        fee,
        sampled,
        auditDeadline,
        audits);
  }

  private static byte[] take(ByteBuffer in, int n) {
    byte[] out = new byte[n];
    in.get(out);
    return out;
  }
}
