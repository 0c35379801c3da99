package org.sprintchain.chain.query;

/**
 * Why a query failed. Codes are stable and live in the same {@code sprint} codespace as tx codes,
 * from 101 up so they never collide with a {@code RejectReason}.
 */
public enum QueryError {
  UNKNOWN_PATH(101, "unknown query path"),
  BAD_ADDRESS(102, "invalid address"),
  HEIGHT_NOT_AVAILABLE(103, "height not available"),
  NOT_INITIALIZED(104, "chain has no committed state yet"),
  BAD_ARGUMENT(105, "a path argument is malformed or names nothing");

  private final int code;
  private final String summary;

  QueryError(int code, String summary) {
    this.code = code;
    this.summary = summary;
  }

  public int code() {
    return code;
  }

  public String summary() {
    return summary;
  }
}
