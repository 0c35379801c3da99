package org.sprintchain.chain.tx;

/**
 * Why a transaction is refused. Each reason has its own ABCI code (stable: never renumber or reuse
 * a code) in the {@value #CODESPACE} codespace; 0 is success.
 */
public enum RejectReason {
  UNDECODABLE(1, "tx bytes are not a canonical SignedTx"),
  OVERSIZED(2, "tx is larger than the max_tx_bytes param"),
  BAD_SIGNATURE(3, "signature does not verify for the signer public key"),
  WRONG_CHAIN_ID(4, "tx is for another chain"),
  STALE_SEQUENCE(5, "sequence already used (replay)"),
  FUTURE_SEQUENCE(6, "sequence is ahead of the account's next sequence"),
  INSUFFICIENT_FUNDS(7, "balance does not cover the fee and amounts"),
  INVALID_MESSAGE(8, "a message is malformed"),
  FEE_TOO_LOW(9, "fee is below the min_fee param"),
  ARITHMETIC_OVERFLOW(10, "a balance or sequence would overflow"),
  // Sprint messages (docs/protocol.md section 9).
  INVALID_WORKER_KEY(20, "the consensus key is not a 32-byte ed25519 public key"),
  WORKER_EXISTS(21, "the operator or the consensus key is already registered"),
  NOT_A_WORKER(22, "the signer is not a registered worker"),
  WRONG_PHASE(23, "the message is not accepted in this epoch or phase"),
  JAILED(24, "the worker is jailed for this epoch"),
  DUPLICATE_COMMIT(25, "the worker already committed this epoch"),
  MALFORMED_SPRINT_MSG(26, "a sprint message field has the wrong size or is empty"),
  DEPOSIT_TOO_LOW(27, "the worker's deposit is below worker_deposit; register again to top up"),
  NO_COMMITMENT(28, "the worker made no commitment this epoch"),
  NOT_SAMPLED(29, "the index is not sampled, not opened, or already handled"),
  BAD_PROOF(30, "the proof or digest does not open the committed leaf"),
  NOT_ASSIGNED(31, "the signer is not an assigned auditor of that worker"),
  DUPLICATE_REPORT(32, "the auditor already reported this index"),
  BAD_RESIDUAL(34, "the residual has the wrong layer, size or hash"),
  DISPUTE_CLOSED(35, "the dispute is resolved or not at this step"),
  SPRINTS_DISABLED(36, "this chain's genesis has no sprint section"),
  NOT_A_PARTY(37, "the signer is neither the worker nor the auditor of the dispute"),
  NO_SUCH_DISPUTE(38, "no dispute has that id"),
  BAD_TRACE(39, "the trace does not end in the digest this party committed to"),
  // Paid inference (docs/inference.md section 5).
  INFERENCE_DISABLED(50, "this chain's genesis has no inference section"),
  UNKNOWN_MODEL(51, "no registered model has that id"),
  BAD_INFERENCE_INPUT(52, "the input is empty, too large for the model, or not valid UTF-8 text"),
  BAD_MAX_FEE(53, "max_fee must be positive"),
  NO_SUCH_JOB(54, "no inference job has that id"),
  NOT_EXECUTOR(55, "the signer is not the job's assigned executor"),
  JOB_NOT_ASSIGNED(56, "the job is not waiting for a result (not assigned yet, or answered)"),
  DEADLINE_PASSED(57, "the job's deadline has passed"),
  BAD_OUTPUT_DIGEST(58, "the digest is not 32 bytes or not SHA-256 of the output"),
  BAD_UNITS(59, "units are 0, differ from the model's count, or units x price overflows"),
  NOT_JOB_AUDITOR(60, "the signer is not an assigned auditor of the job"),
  DUPLICATE_VERDICT(61, "the auditor already submitted a verdict for the job"),
  AUDIT_CLOSED(62, "the job is not under audit, or its audit deadline has passed");

  public static final String CODESPACE = "sprint";

  private final int code;
  private final String summary;

  RejectReason(int code, String summary) {
    this.code = code;
    this.summary = summary;
  }

  /** The ABCI response code. */
  public int code() {
    return code;
  }

  public String summary() {
    return summary;
  }
}
