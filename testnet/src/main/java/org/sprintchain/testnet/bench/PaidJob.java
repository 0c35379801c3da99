package org.sprintchain.testnet.bench;

/**
 * One paid job of {@code bench inference}, as the driver sees it. Times are {@code System.nanoTime}
 * readings of the driver; {@code doneNanos} is 0 until the job reads a final status.
 *
 * @param id the chain's job id, -1 until the request's tx is found in a block
 * @param status the job's last status: {@code SENT} before inclusion, a chain status after, or
 *     {@code REFUSED} when CheckTx or DeliverTx refused the request
 */
record PaidJob(
    int index,
    String model,
    String txHash,
    long submitNanos,
    long id,
    String status,
    long doneNanos,
    String executor,
    boolean sampled,
    String detail) {
  static final String SENT = "SENT";
  static final String REFUSED = "REFUSED";
  static final String DONE = "DONE";

  static PaidJob sent(int index, String model, String txHash, long submitNanos) {
    return new PaidJob(index, model, txHash, submitNanos, -1, SENT, 0, "", false, "");
  }

  static PaidJob refused(int index, String model, long submitNanos, String why) {
    return new PaidJob(index, model, "", submitNanos, -1, REFUSED, submitNanos, "", false, why);
  }

  PaidJob withId(long newId) {
    return new PaidJob(
        index, model, txHash, submitNanos, newId, status, doneNanos, executor, sampled, detail);
  }

  PaidJob withStatus(String newStatus, long at, String exec, boolean wasSampled) {
    return new PaidJob(
        index, model, txHash, submitNanos, id, newStatus, at, exec, wasSampled, detail);
  }

  PaidJob asRefused(long at, String why) {
    return new PaidJob(index, model, txHash, submitNanos, id, REFUSED, at, executor, false, why);
  }

  /** DONE, TIMED_OUT, FRAUD, UNSERVED or REFUSED: nothing will change any more. */
  boolean isFinal() {
    return switch (status) {
      case DONE, "TIMED_OUT", "FRAUD", "UNSERVED", REFUSED -> true;
      default -> false;
    };
  }

  long latencyNanos() {
    return doneNanos - submitNanos;
  }
}
