package org.sprintchain.chain.query;

import java.util.Optional;

/**
 * The answer to an ABCI query: code 0 with a JSON {@code value}, or a {@link QueryError} code with
 * a log. {@code height} is the block height the answer was read at; {@code proof} is present when
 * one was asked for and the path reads a single store entry.
 */
public record QueryResult(
    int code, String log, byte[] value, long height, Optional<StateProof> proof) {
  public QueryResult {
    value = value.clone();
  }

  @Override
  public byte[] value() {
    return value.clone();
  }

  static QueryResult ok(byte[] value, long height) {
    return new QueryResult(0, "", value, height, Optional.empty());
  }

  static QueryResult error(QueryError error, String detail, long height) {
    return new QueryResult(
        error.code(), error.summary() + ": " + detail, new byte[0], height, Optional.empty());
  }

  QueryResult withProof(StateProof stateProof) {
    return new QueryResult(code, log, value, height, Optional.of(stateProof));
  }

  public boolean isOk() {
    return code == 0;
  }
}
