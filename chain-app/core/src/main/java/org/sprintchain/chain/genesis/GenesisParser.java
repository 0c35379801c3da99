package org.sprintchain.chain.genesis;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.sprintchain.chain.crypto.Address;
import org.sprintchain.chain.inference.InferenceGenesis;
import org.sprintchain.chain.sprint.SprintGenesis;
import org.sprintchain.chain.state.Params;

/**
 * Parses and validates the {@code app_state} of CometBFT's genesis.json:
 *
 * <pre>
 * {"params":{"min_fee":1,"max_tx_bytes":65536},
 *  "accounts":[{"address":"spr1...","balance":1000000000}]}
 * </pre>
 *
 * <p>Every number is a JSON integer, non-negative and within int64; unknown or duplicate fields,
 * duplicate addresses and a total supply beyond int64 are refused. The rule that the total supply
 * fits in int64 is what lets the state machine use checked signed arithmetic on balances.
 */
public final class GenesisParser {
  private static final String ROOT = "app_state";
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private GenesisParser() {}

  public static GenesisState parse(byte[] appStateJson) throws GenesisException {
    if (appStateJson.length == 0) {
      throw new GenesisException(ROOT, "missing (genesis.json needs an app_state object)");
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(appStateJson);
    } catch (JsonProcessingException e) {
      throw new GenesisException(ROOT, "not valid JSON: " + e.getOriginalMessage());
    } catch (java.io.IOException e) {
      throw new GenesisException(ROOT, "unreadable: " + e.getMessage());
    }
    JsonNode sprintNode = root.isObject() ? root.get("sprint") : null;
    JsonNode inferenceNode = root.isObject() ? root.get("inference") : null;
    List<String> fields = new ArrayList<>(List.of("params", "accounts"));
    if (sprintNode != null) {
      fields.add("sprint");
    }
    if (inferenceNode != null) {
      fields.add("inference");
    }
    requireObject(root, ROOT, fields);
    Params params = parseParams(root.get("params"), ROOT + ".params");
    List<GenesisState.GenesisAccount> accounts =
        parseAccounts(root.get("accounts"), ROOT + ".accounts");
    Optional<SprintGenesis> sprint =
        sprintNode == null
            ? Optional.empty()
            : Optional.of(SprintGenesis.parse(sprintNode, ROOT + ".sprint"));
    if (inferenceNode != null && sprint.isEmpty()) {
      throw new GenesisException(
          ROOT + ".inference", "needs the sprint section (executors are the sprint workers)");
    }
    Optional<InferenceGenesis> inference =
        inferenceNode == null
            ? Optional.empty()
            : Optional.of(InferenceGenesis.parse(inferenceNode, ROOT + ".inference"));
    return new GenesisState(params, accounts, sprint, inference);
  }

  private static Params parseParams(JsonNode node, String path) throws GenesisException {
    requireObject(node, path, List.of("min_fee", "max_tx_bytes"));
    long minFee = nonNegativeLong(node.get("min_fee"), path + ".min_fee");
    long maxTxBytes = nonNegativeLong(node.get("max_tx_bytes"), path + ".max_tx_bytes");
    if (maxTxBytes < 1 || maxTxBytes > Params.MAX_TX_BYTES_LIMIT) {
      throw new GenesisException(
          path + ".max_tx_bytes", "must be between 1 and " + Params.MAX_TX_BYTES_LIMIT);
    }
    return new Params(minFee, Math.toIntExact(maxTxBytes));
  }

  private static List<GenesisState.GenesisAccount> parseAccounts(JsonNode node, String path)
      throws GenesisException {
    if (node == null) {
      throw new GenesisException(path, "missing");
    }
    if (!node.isArray()) {
      throw new GenesisException(path, "must be an array");
    }
    List<GenesisState.GenesisAccount> accounts = new ArrayList<>(node.size());
    TreeMap<Address, Integer> seen = new TreeMap<>();
    long supply = 0;
    for (int i = 0; i < node.size(); i++) {
      String at = path + "[" + i + "]";
      JsonNode entry = node.get(i);
      requireObject(entry, at, List.of("address", "balance"));
      Address address = parseAddress(entry.get("address"), at + ".address");
      Integer first = seen.putIfAbsent(address, i);
      if (first != null) {
        throw new GenesisException(at + ".address", "duplicate of accounts[" + first + "]");
      }
      long balance = nonNegativeLong(entry.get("balance"), at + ".balance");
      try {
        supply = Math.addExact(supply, balance);
      } catch (ArithmeticException e) {
        throw new GenesisException(at + ".balance", "total supply overflows int64");
      }
      accounts.add(new GenesisState.GenesisAccount(address, balance));
    }
    return accounts;
  }

  private static Address parseAddress(JsonNode node, String path) throws GenesisException {
    if (node == null) {
      throw new GenesisException(path, "missing");
    }
    if (!node.isTextual()) {
      throw new GenesisException(path, "must be a bech32 string");
    }
    try {
      return Address.parse(node.textValue());
    } catch (IllegalArgumentException e) {
      String why = e.getMessage();
      throw new GenesisException(path, why.contains("checksum") ? "bad bech32 checksum" : why);
    }
  }

  private static void requireObject(JsonNode node, String path, List<String> allowed)
      throws GenesisException {
    if (node == null) {
      throw new GenesisException(path, "missing");
    }
    if (!node.isObject()) {
      throw new GenesisException(path, "must be an object");
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw new GenesisException(path + "." + name, "unknown field");
      }
    }
    for (String name : allowed) {
      if (!node.has(name)) {
        throw new GenesisException(path + "." + name, "missing");
      }
    }
  }

  private static long nonNegativeLong(JsonNode node, String path) throws GenesisException {
    if (!node.isIntegralNumber()) {
      throw new GenesisException(path, "must be a JSON integer");
    }
    if (!node.canConvertToLong()) {
      throw new GenesisException(path, "does not fit in int64");
    }
    long value = node.longValue();
    if (value < 0) {
      throw new GenesisException(path, "must be non-negative, got " + value);
    }
    return value;
  }
}
