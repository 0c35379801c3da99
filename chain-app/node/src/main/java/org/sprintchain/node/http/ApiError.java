package org.sprintchain.node.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * An answer other than success, in OpenAI's error shape ({@code {"error":{"message","type",
 * "param","code"}}}) plus, where a job exists, its {@code request_id} (so the client can poll the
 * chain) and the receipt so far.
 */
public record ApiError(
    int status,
    String type,
    String code,
    String message,
    Optional<Long> requestId,
    Optional<ObjectNode> receipt) {

  static ApiError of(int status, String type, String code, String message) {
    return new ApiError(status, type, code, message, Optional.empty(), Optional.empty());
  }

  static ApiError badRequest(String code, String message) {
    return of(400, "invalid_request_error", code, message);
  }

  static ApiError insufficientFunds(String message) {
    return of(402, "insufficient_quota", "insufficient_funds", message);
  }

  static ApiError unknownModel(String model) {
    return of(404, "invalid_request_error", "model_not_found", "no model '" + model + "' on chain");
  }

  static ApiError notFound(String path) {
    return of(404, "invalid_request_error", "not_found", "no route " + path);
  }

  static ApiError methodNotAllowed(String method, String path) {
    return of(405, "invalid_request_error", "method_not_allowed", method + " " + path);
  }

  static ApiError tooLarge(int limit) {
    return of(413, "invalid_request_error", "body_too_large", "body over " + limit + " bytes");
  }

  static ApiError busy(int limit) {
    return of(429, "rate_limit_error", "too_many_requests", limit + " requests already in flight");
  }

  static ApiError unreachable(String message) {
    return of(502, "api_error", "node_unreachable", message);
  }

  static ApiError timeout(String message) {
    return of(504, "api_error", "timeout", message);
  }

  ApiError withRequestId(long id) {
    return new ApiError(status, type, code, message, Optional.of(id), receipt);
  }

  ApiError withReceipt(ObjectNode r) {
    return new ApiError(status, type, code, message, requestId, Optional.of(r));
  }

  /** Thrown inside the endpoint; the server turns it into the answer. */
  static final class Failure extends RuntimeException {
    private final ApiError error;

    Failure(ApiError error) {
      super(error.message());
      this.error = error;
    }

    ApiError error() {
      return error;
    }
  }

  Failure failure() {
    return new Failure(this);
  }
}
