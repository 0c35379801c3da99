package org.sprintchain.genesis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.sprintchain.chain.crypto.Address;
import org.sprintchain.chain.genesis.GenesisParser;
import org.sprintchain.chain.sprint.SprintParamsJson;
import org.sprintchain.pocw.SprintParams;

/**
 * Turns a CometBFT {@code genesis.json} (as {@code cometbft init} writes it) into a Sprintchain
 * genesis: sets the chain id, the validators and {@code app_state} ({@code params} and funded
 * {@code accounts}), keeping every other field (consensus params, initial height) as it was.
 *
 * <p>Reading a file that already has an {@code app_state} loads its accounts and params, so the
 * builder also edits Sprintchain genesis files. {@link #build()} validates the whole document and
 * refuses bad input with a {@link GenesisException} naming the field.
 */
public final class GenesisBuilder {
  /** CometBFT's limit on chain id length. */
  public static final int MAX_CHAIN_ID_LENGTH = 50;

  /** CometBFT's limit on the total voting power (MaxInt64 / 8). */
  public static final long MAX_TOTAL_VOTING_POWER = Long.MAX_VALUE / 8;

  private static final Pattern CHAIN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ObjectNode doc;
  private String chainId;
  private Instant genesisTime;
  private final List<GenesisValidator> validators = new ArrayList<>();
  private final Map<Address, GenesisAccount> accounts = new TreeMap<>();
  private AppParams params = AppParams.DEFAULT;
  private boolean hasAppState;
  private ObjectNode sprintParams;
  private ObjectNode inference;
  private final List<ObjectNode> sprintWorkers = new ArrayList<>();

  private GenesisBuilder(ObjectNode doc) {
    this.doc = doc;
  }

  /** Parses a genesis document, checking the fields the builder reads. */
  public static GenesisBuilder fromJson(String json) {
    JsonNode parsed;
    try {
      parsed = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new GenesisException("genesis.json", "is not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (!(parsed instanceof ObjectNode root)) {
      throw new GenesisException("genesis.json", "must be a JSON object");
    }
    GenesisBuilder builder = new GenesisBuilder(root.deepCopy());
    builder.load(root);
    return builder;
  }

  public static GenesisBuilder fromFile(Path file) {
    try {
      return fromJson(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new GenesisException(file.toString(), "cannot read: " + e, e);
    }
  }

  public GenesisBuilder chainId(String id) {
    checkChainId(id);
    this.chainId = id;
    return this;
  }

  public GenesisBuilder genesisTime(Instant time) {
    this.genesisTime = time;
    return this;
  }

  /** Replaces all validators. */
  public GenesisBuilder validators(List<GenesisValidator> list) {
    validators.clear();
    list.forEach(this::addValidator);
    return this;
  }

  public GenesisBuilder addValidator(GenesisValidator validator) {
    for (GenesisValidator v : validators) {
      if (Arrays.equals(v.publicKey(), validator.publicKey())) {
        throw new GenesisException(
            "validators[" + validators.size() + "].pub_key",
            "duplicate validator key " + validator.publicKeyBase64());
      }
    }
    validators.add(validator);
    return this;
  }

  /** Funds a new account; refuses an address that is already funded. */
  public GenesisBuilder addAccount(Address address, long balance) {
    if (accounts.containsKey(address)) {
      throw new GenesisException(
          "app_state.accounts", "account " + address + " is already in the genesis");
    }
    accounts.put(address, new GenesisAccount(address, balance));
    return this;
  }

  /**
   * Turns sprints on with these params (docs/protocol.md §1): the chain's voting power then comes
   * from verified work, starting from the genesis validators.
   */
  public GenesisBuilder sprintParams(SprintParams sprint) {
    this.sprintParams = SprintParamsJson.toJson(sprint);
    return this;
  }

  /**
   * Registers a worker at genesis; its deposit comes out of its operator's genesis balance.
   *
   * @param operator the account that signs the worker's txs
   * @param consensusKey the ed25519 key its node signs blocks with
   */
  public GenesisBuilder addSprintWorker(Address operator, byte[] consensusKey) {
    ObjectNode w = JSON.createObjectNode();
    w.put("operator", operator.toString());
    w.put("consensus_pub_key", Base64.getEncoder().encodeToString(consensusKey));
    sprintWorkers.add(w);
    return this;
  }

  /**
   * Turns the paid-inference market on with this {@code app_state.inference} section ({@code
   * params} and {@code models}, docs/inference.md); the chain's parser validates it on build.
   */
  public GenesisBuilder inference(ObjectNode section) {
    this.inference = section.deepCopy();
    return this;
  }

  /** Whether sprints are on. */
  public boolean hasSprints() {
    return sprintParams != null;
  }

  public GenesisBuilder params(AppParams newParams) {
    this.params = newParams;
    return this;
  }

  public String chainId() {
    return chainId;
  }

  public List<GenesisValidator> validators() {
    return List.copyOf(validators);
  }

  /** The funded accounts, sorted by address. */
  public List<GenesisAccount> accounts() {
    return List.copyOf(accounts.values());
  }

  public AppParams params() {
    return params;
  }

  /** Whether the parsed document already had an {@code app_state} (a Sprintchain genesis). */
  public boolean hasAppState() {
    return hasAppState;
  }

  /**
   * Checks a complete Sprintchain genesis: everything {@link #build()} checks, and that an {@code
   * app_state} is present.
   */
  public static GenesisBuilder validate(String json) {
    GenesisBuilder builder = fromJson(json);
    if (!builder.hasAppState) {
      throw new GenesisException("app_state", "missing (not a Sprintchain genesis yet)");
    }
    builder.build();
    return builder;
  }

  /** Validates and renders the genesis document (pretty-printed JSON). */
  public String build() {
    checkChainId(chainId);
    if (validators.isEmpty()) {
      throw new GenesisException("validators", "at least one validator is required");
    }
    long totalPower = 0;
    for (GenesisValidator v : validators) {
      totalPower += v.power();
      if (totalPower > MAX_TOTAL_VOTING_POWER || totalPower < 0) {
        throw new GenesisException(
            "validators", "total voting power exceeds " + MAX_TOTAL_VOTING_POWER);
      }
    }
    long supply = 0;
    for (GenesisAccount a : accounts.values()) {
      try {
        supply = Math.addExact(supply, a.balance());
      } catch (ArithmeticException e) {
        throw new GenesisException(
            "app_state.accounts", "total balance overflows a signed 64-bit integer", e);
      }
    }
    ObjectNode out = doc.deepCopy();
    if (genesisTime != null) {
      out.put("genesis_time", genesisTime.toString());
    }
    out.put("chain_id", chainId);
    ArrayNode vals = out.putArray("validators");
    for (GenesisValidator v : validators) {
      ObjectNode node = vals.addObject();
      node.put("address", v.cometAddress());
      ObjectNode pub = node.putObject("pub_key");
      pub.put("type", GenesisValidator.PUB_KEY_TYPE);
      pub.put("value", v.publicKeyBase64());
      node.put("power", Long.toString(v.power()));
      node.put("name", v.name());
    }
    ObjectNode appState = out.putObject("app_state");
    ObjectNode p = appState.putObject("params");
    p.put("min_fee", params.minFee());
    p.put("max_tx_bytes", params.maxTxBytes());
    ArrayNode accs = appState.putArray("accounts");
    for (GenesisAccount a : accounts.values()) {
      accs.addObject().put("address", a.address().toString()).put("balance", a.balance());
    }
    if (sprintParams != null) {
      ObjectNode sprint = appState.putObject("sprint");
      sprint.set("params", sprintParams.deepCopy());
      ArrayNode workers = sprint.putArray("workers");
      sprintWorkers.forEach(w -> workers.add(w.deepCopy()));
    }
    if (inference != null) {
      appState.set("inference", inference.deepCopy());
    }
    checkWithChainRules(appState);
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(out) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render genesis JSON", e);
    }
  }

  /**
   * The chain's own genesis parser has the last word, so a file it would refuse is never written.
   */
  private void checkWithChainRules(ObjectNode appState) {
    try {
      var parsed = GenesisParser.parse(JSON.writeValueAsBytes(appState));
      if (parsed.sprint().isPresent()) {
        long deposit = parsed.sprint().get().params().slash().workerDeposit();
        for (var w : parsed.sprint().get().workers()) {
          GenesisAccount a = accounts.get(w.operator());
          if (a == null || a.balance() < deposit) {
            throw new GenesisException(
                "app_state.sprint.workers",
                "operator "
                    + w.operator()
                    + " needs a genesis balance of at least the worker deposit "
                    + deposit);
          }
        }
      }
    } catch (org.sprintchain.chain.genesis.GenesisException e) {
      throw new GenesisException(e.field(), e.getMessage().substring(e.field().length() + 2), e);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render app_state", e);
    }
  }

  /** Validates, then writes atomically (temp file and rename). */
  public void writeTo(Path file) {
    String json = build();
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path tmp = Files.createTempFile(parent, ".genesis", ".tmp");
      Files.writeString(tmp, json, StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new GenesisException(file.toString(), "cannot write: " + e, e);
    }
  }

  private void load(ObjectNode root) {
    JsonNode id = root.get("chain_id");
    if (id != null && id.isTextual() && !id.asText().isEmpty()) {
      chainId(id.asText());
    }
    JsonNode time = root.get("genesis_time");
    if (time != null && !time.isNull()) {
      try {
        genesisTime = Instant.parse(time.asText());
      } catch (DateTimeParseException e) {
        throw new GenesisException(
            "genesis_time", "must be an RFC 3339 time, got '" + time.asText() + "'", e);
      }
    }
    JsonNode vals = root.path("validators");
    if (!vals.isMissingNode() && !vals.isNull() && !vals.isArray()) {
      throw new GenesisException("validators", "must be an array");
    }
    for (int i = 0; i < vals.size(); i++) {
      addValidator(parseValidator(vals.get(i), "validators[" + i + "]"));
    }
    JsonNode appState = root.get("app_state");
    if (appState == null || appState.isNull()) {
      return;
    }
    if (!appState.isObject()) {
      throw new GenesisException("app_state", "must be a JSON object");
    }
    hasAppState = true;
    JsonNode p = appState.get("params");
    if (p == null) {
      throw new GenesisException("app_state.params", "missing");
    }
    params =
        new AppParams(
            integer(p, "min_fee", "app_state.params.min_fee"),
            integer(p, "max_tx_bytes", "app_state.params.max_tx_bytes"));
    JsonNode sprint = appState.get("sprint");
    if (sprint != null && sprint.isObject()) {
      if (sprint.get("params") instanceof ObjectNode sp) {
        sprintParams = sp.deepCopy();
      }
      for (JsonNode w : sprint.path("workers")) {
        if (w instanceof ObjectNode wo) {
          sprintWorkers.add(wo.deepCopy());
        }
      }
    }
    if (appState.get("inference") instanceof ObjectNode inf) {
      inference = inf.deepCopy();
    }
    JsonNode accs = appState.path("accounts");
    if (!accs.isArray()) {
      throw new GenesisException(
          "app_state.accounts", accs.isMissingNode() ? "missing" : "must be an array");
    }
    for (int i = 0; i < accs.size(); i++) {
      String field = "app_state.accounts[" + i + "]";
      JsonNode a = accs.get(i);
      JsonNode addr = a.get("address");
      if (addr == null || !addr.isTextual()) {
        throw new GenesisException(field + ".address", "missing (a bech32 spr1... string)");
      }
      Address address;
      try {
        address = Address.parse(addr.asText());
      } catch (IllegalArgumentException e) {
        throw new GenesisException(field + ".address", e.getMessage(), e);
      }
      long balance = integer(a, "balance", field + ".balance");
      if (balance < 0) {
        throw new GenesisException(field + ".balance", "must be >= 0, got " + balance);
      }
      if (accounts.containsKey(address)) {
        throw new GenesisException(field + ".address", "duplicate account " + address);
      }
      accounts.put(address, new GenesisAccount(address, balance));
    }
  }

  private static GenesisValidator parseValidator(JsonNode v, String field) {
    JsonNode pub = v.path("pub_key");
    if (!GenesisValidator.PUB_KEY_TYPE.equals(pub.path("type").asText())) {
      throw new GenesisException(
          field + ".pub_key.type",
          "must be " + GenesisValidator.PUB_KEY_TYPE + ", got " + pub.path("type"));
    }
    byte[] key;
    try {
      key = Base64.getDecoder().decode(pub.path("value").asText());
    } catch (IllegalArgumentException e) {
      throw new GenesisException(field + ".pub_key.value", "is not base64", e);
    }
    if (key.length != 32) {
      throw new GenesisException(
          field + ".pub_key.value", "ed25519 key must be 32 bytes, got " + key.length);
    }
    JsonNode powerNode = v.path("power");
    long power;
    try {
      power = Long.parseLong(powerNode.asText());
    } catch (NumberFormatException e) {
      throw new GenesisException(
          field + ".power", "must be an integer string, got " + powerNode, e);
    }
    if (power <= 0) {
      throw new GenesisException(field + ".power", "must be > 0, got " + power);
    }
    GenesisValidator validator = new GenesisValidator(v.path("name").asText(""), key, power);
    JsonNode address = v.get("address");
    if (address != null
        && !address.asText().isEmpty()
        && !address.asText().equalsIgnoreCase(validator.cometAddress())) {
      throw new GenesisException(
          field + ".address",
          "does not match its pub_key (expected " + validator.cometAddress() + ")");
    }
    return validator;
  }

  private static long integer(JsonNode parent, String name, String field) {
    JsonNode n = parent.get(name);
    if (n == null) {
      throw new GenesisException(field, "missing");
    }
    if (!n.isIntegralNumber() || !n.canConvertToLong()) {
      throw new GenesisException(field, "must be a JSON integer (int64), got " + n);
    }
    return n.longValue();
  }

  private static void checkChainId(String id) {
    if (id == null || id.isEmpty()) {
      throw new GenesisException("chain_id", "must not be empty");
    }
    if (id.length() > MAX_CHAIN_ID_LENGTH) {
      throw new GenesisException(
          "chain_id", "must be at most " + MAX_CHAIN_ID_LENGTH + " characters, got " + id.length());
    }
    if (!CHAIN_ID.matcher(id).matches()) {
      throw new GenesisException(
          "chain_id", "may hold only letters, digits, '.', '_' and '-', got '" + id + "'");
    }
  }
}
