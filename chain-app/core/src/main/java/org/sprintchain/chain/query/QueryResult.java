package org.sprintchain.chain.query;

/**
 * The answer to an ABCI query: code 0 with a JSON {@code value}, or a {@link QueryError} code with
 * a log. {@code height} is the block height the answer was read at.
 */
public record QueryResult(int code, String log, byte[] value, long height) {
  public QueryResult {
    value = value.clone();
  }

  @Override
  public byte[] value() {
    return value.clone();
  }

  static QueryResult ok(byte[] value, long height) {
    return new QueryResult(0, "", value, height);
  }

  static QueryResult error(QueryError error, String detail, long height) {
    return new QueryResult(error.code(), error.summary() + ": " + detail, new byte[0], height);
  }

  public boolean isOk() {
    return code == 0;
  }
}
