package org.sprintchain.chain.inference;

/**
 * The market's params (genesis {@code app_state.inference.params}, docs/inference.md §1), checked
 * on construction; the field named in an error is the JSON one.
 *
 * @param timeoutBlocks the deadline's distance from the assignment block (at least 2): an executor
 *     or auditor answers in the blocks strictly between them
 * @param auditRateBps chance in basis points that a finished job is audited
 * @param badHistoryAuditRateBps the chance for an executor with any timeout or fraud on record
 * @param auditorsPerJob auditors drawn for a sampled job (fewer when fewer workers are eligible)
 * @param executorShareBps the executor's share of the fee of an audited job; auditors share the
 *     rest
 * @param livenessPenalty tokens burned from an executor's deposit per timed-out job
 * @param fraudSlashBps deposit share burned from a proven cheater (executor or auditor)
 * @param reexecutionBudgetPerBlock units the chain re-executes per block to settle disputes
 */
public record InferenceParams(
    long timeoutBlocks,
    int auditRateBps,
    int badHistoryAuditRateBps,
    int auditorsPerJob,
    int executorShareBps,
    long livenessPenalty,
    int fraudSlashBps,
    long reexecutionBudgetPerBlock) {
  static final long MAX_TIMEOUT_BLOCKS = 1_000_000;
  static final int MAX_AUDITORS = 16;

  /** A field out of range; {@link #field()} is the JSON name. */
  public static final class Invalid extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String field;

    Invalid(String field, String message) {
      super(message);
      this.field = field;
    }

    public String field() {
      return field;
    }
  }

  public InferenceParams {
    range("timeout_blocks", timeoutBlocks, 2, MAX_TIMEOUT_BLOCKS);
    range("audit_rate_bps", auditRateBps, 0, 10_000);
    range("bad_history_audit_rate_bps", badHistoryAuditRateBps, auditRateBps, 10_000);
    range("auditors_per_job", auditorsPerJob, 1, MAX_AUDITORS);
    range("executor_share_bps", executorShareBps, 0, 10_000);
    range("liveness_penalty", livenessPenalty, 0, Long.MAX_VALUE);
    range("fraud_slash_bps", fraudSlashBps, 0, 10_000);
    range("reexecution_budget_per_block", reexecutionBudgetPerBlock, 1, Long.MAX_VALUE);
  }

  private static void range(String field, long value, long min, long max) {
    if (value < min || value > max) {
      throw new Invalid(field, value + " outside [" + min + ", " + max + "]");
    }
  }
}
