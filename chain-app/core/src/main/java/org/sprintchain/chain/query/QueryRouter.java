package org.sprintchain.chain.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sprintchain.chain.crypto.Address;
import org.sprintchain.chain.inference.InferenceQueries;
import org.sprintchain.chain.sprint.SprintQueries;
import org.sprintchain.chain.state.Account;
import org.sprintchain.chain.state.ChainMeta;
import org.sprintchain.chain.state.ChainState;
import org.sprintchain.chain.state.Params;
import org.sprintchain.chain.state.StateKeys;
import org.sprintchain.chain.state.StateReader;
import org.sprintchain.store.StateStore;
import org.sprintchain.store.VersionNotAvailableException;

/**
 * Answers ABCI queries from committed state, as JSON with a fixed field order:
 *
 * <ul>
 *   <li>{@code /account/<bech32>} → {@code {"address":"spr1..","balance":N,"sequence":N}}; an
 *       account never written reads as balance 0, sequence 0
 *   <li>{@code /params} → {@code {"min_fee":N,"max_tx_bytes":N}}
 *   <li>{@code /status} → {@code {"chain_id":"..","height":N,"app_hash":"HEX"}}
 * </ul>
 *
 * Height 0 means the latest committed block; a past height reads that version while the store
 * retains it. With {@code prove}, answers read from one store entry ({@code /account}, {@code
 * /params}, {@code /inference/job/<id>}) carry a {@link StateProof} of that entry.
 */
public final class QueryRouter {
  public static final String ACCOUNT_PATH = "/account/";
  public static final String PARAMS_PATH = "/params";
  public static final String STATUS_PATH = "/status";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern INFERENCE_JOB = Pattern.compile("/inference/(?:job/)?([0-9]{1,18})");

  private final StateStore store;

  public QueryRouter(StateStore store) {
    this.store = store;
  }

  public QueryResult query(String path, long height) {
    return query(path, height, false);
  }

  public QueryResult query(String path, long height, boolean prove) {
    Optional<ChainMeta> latest = new ChainState(StateReader.latest(store)).chainMeta();
    long lastHeight = latest.map(ChainMeta::lastHeight).orElse(0L);
    if (height < 0 || height > lastHeight || (height > 0 && latest.isEmpty())) {
      return QueryResult.error(
          QueryError.HEIGHT_NOT_AVAILABLE,
          "height " + height + ", last committed height is " + lastHeight,
          lastHeight);
    }
    long at = height == 0 ? lastHeight : height;
    long version = latest.map(m -> m.versionOf(at)).orElse(0L);
    if (latest.isPresent() && version < 1) {
      return QueryResult.error(
          QueryError.HEIGHT_NOT_AVAILABLE, "height " + at + " precedes the first block", at);
    }
    StateReader reader =
        version == store.latestVersion()
            ? StateReader.latest(store)
            : StateReader.atVersion(store, version);
    try {
      QueryResult result = route(path, new ChainState(reader), at, version);
      Optional<byte[]> storeKey = result.isOk() ? storeKeyOf(path) : Optional.empty();
      if (!prove || storeKey.isEmpty()) {
        return result;
      }
      byte[] key = storeKey.get();
      return result.withProof(
          new StateProof(key, store.get(key, version), store.prove(key, version).encode()));
    } catch (VersionNotAvailableException e) {
      return QueryResult.error(QueryError.HEIGHT_NOT_AVAILABLE, e.getMessage(), at);
    }
  }

  private QueryResult route(String path, ChainState state, long height, long version) {
    if (path.startsWith(ACCOUNT_PATH)) {
      return account(path.substring(ACCOUNT_PATH.length()), state, height);
    }
    if (path.equals(PARAMS_PATH)) {
      if (state.chainMeta().isEmpty()) {
        return QueryResult.error(QueryError.NOT_INITIALIZED, "no params before block 1", height);
      }
      Params params = state.params();
      ObjectNode json = JSON.createObjectNode();
      json.put("min_fee", params.minFee());
      json.put("max_tx_bytes", params.maxTxBytes());
      return QueryResult.ok(write(json), height);
    }
    if (path.equals(STATUS_PATH)) {
      ObjectNode json = JSON.createObjectNode();
      json.put("chain_id", state.chainMeta().map(ChainMeta::chainId).orElse(""));
      json.put("height", height);
      byte[] appHash = version == 0 ? new byte[0] : store.rootHash(version);
      json.put("app_hash", HexFormat.of().withUpperCase().formatHex(appHash));
      return QueryResult.ok(write(json), height);
    }
    if (SprintQueries.owns(path)) {
      try {
        return QueryResult.ok(write(SprintQueries.answer(state, path, height)), height);
      } catch (IllegalArgumentException e) {
        return QueryResult.error(
            QueryError.BAD_ARGUMENT, "'" + path + "': " + e.getMessage(), height);
      }
    }
    if (InferenceQueries.owns(path)) {
      try {
        return QueryResult.ok(write(InferenceQueries.answer(state, path)), height);
      } catch (IllegalArgumentException e) {
        return QueryResult.error(
            QueryError.BAD_ARGUMENT, "'" + path + "': " + e.getMessage(), height);
      }
    }
    return QueryResult.error(
        QueryError.UNKNOWN_PATH,
        "'"
            + path
            + "' (known: /account/<address>, /params, /status, /sprint/params, /sprint/current,"
            + " /sprint/<epoch>[/<worker>|/audits/<auditor>], /worker/<address>, /validators,"
            + " /disputes, /dispute/<id>, /inference/params, /inference/models,"
            + " /inference/job/<id>, /inference/assigned/<address>, /inference/audits/<address>,"
            + " /inference/executor/<address>, /inference/ledger)",
        height);
  }

  /** The single store entry a path's answer is read from, if it is one. */
  private static Optional<byte[]> storeKeyOf(String path) {
    if (path.startsWith(ACCOUNT_PATH)) {
      return Optional.of(StateKeys.account(Address.parse(path.substring(ACCOUNT_PATH.length()))));
    }
    if (path.equals(PARAMS_PATH)) {
      return Optional.of(StateKeys.params());
    }
    Matcher job = INFERENCE_JOB.matcher(path);
    if (job.matches()) {
      return Optional.of(InferenceQueries.jobStoreKey(Long.parseLong(job.group(1))));
    }
    return Optional.empty();
  }

  private static QueryResult account(String bech32, ChainState state, long height) {
    Address address;
    try {
      address = Address.parse(bech32);
    } catch (IllegalArgumentException e) {
      return QueryResult.error(
          QueryError.BAD_ADDRESS, "'" + bech32 + "': " + e.getMessage(), height);
    }
    Account account = state.account(address);
    ObjectNode json = JSON.createObjectNode();
    json.put("address", address.toString());
    json.put("balance", account.balance());
    json.put("sequence", account.sequence());
    return QueryResult.ok(write(json), height);
  }

  private static byte[] write(ObjectNode json) {
    try {
      return JSON.writeValueAsBytes(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize a plain JSON tree", e);
    }
  }
}
