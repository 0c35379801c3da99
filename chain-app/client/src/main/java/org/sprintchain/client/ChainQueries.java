package org.sprintchain.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.sprintchain.chain.crypto.Address;

/**
 * Typed reads of the Sprintchain app state through {@code abci_query}. Each path answers a JSON
 * document in the response value; a non-zero code becomes a {@link QueryException} carrying the
 * app's log.
 */
public final class ChainQueries {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final CometRpcClient rpc;

  public ChainQueries(CometRpcClient rpc) {
    this.rpc = rpc;
  }

  public AccountInfo account(Address address) {
    JsonNode doc = query("/account/" + address);
    return new AccountInfo(address, number(doc, "balance"), number(doc, "sequence"));
  }

  public ChainParams params() {
    JsonNode doc = query("/params");
    return new ChainParams(number(doc, "min_fee"), number(doc, "max_tx_bytes"));
  }

  public AppStatus appStatus() {
    JsonNode doc = query("/status");
    return new AppStatus(
        doc.path("chain_id").asText(), number(doc, "height"), doc.path("app_hash").asText());
  }

  /** Runs the query and parses its JSON value. */
  public JsonNode query(String path) {
    AbciQueryResult result = rpc.abciQuery(path, new byte[0]);
    if (!result.ok()) {
      throw new QueryException(path, result.code(), result.log());
    }
    try {
      return JSON.readTree(result.value());
    } catch (IOException e) {
      throw new RpcException(
          "abci_query " + path + " answered a value that is not JSON: " + result.valueUtf8(), e);
    }
  }

  private static long number(JsonNode doc, String field) {
    JsonNode value = doc.get(field);
    if (value == null || !(value.isIntegralNumber() || value.isTextual())) {
      throw new RpcException("query answer lacks the integer field '" + field + "': " + doc);
    }
    try {
      return value.isTextual() ? Long.parseLong(value.asText()) : value.longValue();
    } catch (NumberFormatException e) {
      throw new RpcException("query field '" + field + "' is not an integer: " + value, e);
    }
  }

  /** The app answered a query with a non-zero code. */
  public static final class QueryException extends RpcException {
    private final int code;

    QueryException(String path, int code, String log) {
      super("query " + path + " failed with code " + code + (log.isEmpty() ? "" : ": " + log));
      this.code = code;
    }

    public int code() {
      return code;
    }
  }
}
