package org.sprintchain.testnet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Edits the {@code config.toml} that {@code cometbft init} writes, line by line, keeping comments
 * and layout. Keys are addressed by section ({@code ""} for the top-level base section, {@code
 * "rpc"}, {@code "p2p"}, {@code "consensus"}, ...). Only keys that exist can be set, so a typo or a
 * CometBFT version change fails loudly instead of writing an ignored key.
 */
public final class CometConfig {
  /** The block interval of local testnets: CometBFT's {@code timeout_commit}. */
  public static final Duration DEFAULT_BLOCK_INTERVAL = Duration.ofMillis(500);

  private static final Pattern SECTION = Pattern.compile("^\\s*\\[([A-Za-z0-9_.]+)]\\s*$");
  private static final Pattern KEY = Pattern.compile("^(\\s*)([A-Za-z0-9_]+)(\\s*=\\s*)(.*)$");

  private final List<String> lines;

  private CometConfig(List<String> lines) {
    this.lines = new ArrayList<>(lines);
  }

  public static CometConfig parse(String toml) {
    return new CometConfig(toml.lines().toList());
  }

  public static CometConfig read(Path file) {
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new TestnetException("cannot read CometBFT config " + file + ": " + e, e);
    }
  }

  public void write(Path file) {
    try {
      Files.writeString(file, render(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new TestnetException("cannot write CometBFT config " + file + ": " + e, e);
    }
  }

  public String render() {
    return String.join("\n", lines) + "\n";
  }

  /** The raw TOML value of {@code key} in {@code section}, e.g. {@code "\"1s\""}. */
  public Optional<String> get(String section, String key) {
    int i = find(section, key);
    if (i < 0) {
      return Optional.empty();
    }
    Matcher m = KEY.matcher(lines.get(i));
    return m.matches() ? Optional.of(m.group(4).trim()) : Optional.empty();
  }

  /** The value of a string key without its quotes. */
  public Optional<String> getString(String section, String key) {
    return get(section, key).map(v -> v.startsWith("\"") ? v.substring(1, v.length() - 1) : v);
  }

  public CometConfig setString(String section, String key, String value) {
    if (value.indexOf('"') >= 0 || value.indexOf('\\') >= 0 || value.indexOf('\n') >= 0) {
      throw new IllegalArgumentException(
          "unsupported characters in value for " + key + ": " + value);
    }
    return setRaw(section, key, '"' + value + '"');
  }

  public CometConfig setBoolean(String section, String key, boolean value) {
    return setRaw(section, key, Boolean.toString(value));
  }

  public CometConfig setDuration(String section, String key, Duration value) {
    return setString(section, key, value.toMillis() + "ms");
  }

  /** Replaces the value of an existing key with {@code tomlValue} (already TOML-encoded). */
  public CometConfig setRaw(String section, String key, String tomlValue) {
    int i = find(section, key);
    if (i < 0) {
      throw new TestnetException(
          "CometBFT config has no key '"
              + key
              + "' in section ["
              + (section.isEmpty() ? "base" : section)
              + "]; is this the config.toml of CometBFT v0.38?");
    }
    Matcher m = KEY.matcher(lines.get(i));
    if (!m.matches()) {
      throw new IllegalStateException("line " + (i + 1) + " is not a key: " + lines.get(i));
    }
    lines.set(i, m.group(1) + m.group(2) + m.group(3) + tomlValue);
    return this;
  }

  /**
   * Applies the settings of one node of a local testnet: loopback listeners on its ports, the app's
   * ABCI address (or a built-in CometBFT app such as {@code kvstore}), persistent peers, a short
   * block interval, empty blocks on, and nothing else listening (no pprof, no Prometheus).
   */
  public CometConfig applyLocalNode(
      String moniker,
      NodePorts ports,
      String proxyApp,
      List<String> persistentPeers,
      Duration blockInterval) {
    setString("", "moniker", moniker);
    setString("", "proxy_app", proxyApp);
    setString("rpc", "laddr", "tcp://127.0.0.1:" + ports.rpc());
    setString("rpc", "pprof_laddr", "");
    setString("rpc", "grpc_laddr", "");
    setString("p2p", "laddr", "tcp://127.0.0.1:" + ports.p2p());
    setString("p2p", "external_address", "");
    setString("p2p", "persistent_peers", String.join(",", persistentPeers));
    setBoolean("p2p", "addr_book_strict", false);
    setBoolean("p2p", "allow_duplicate_ip", true);
    setDuration("consensus", "timeout_commit", blockInterval);
    setBoolean("consensus", "create_empty_blocks", true);
    setString("tx_index", "indexer", "kv");
    setBoolean("instrumentation", "prometheus", false);
    return this;
  }

  /**
   * Turns on state sync for a fresh node: it restores the app from a peer's snapshot instead of
   * replaying from genesis. CometBFT's light client checks the snapshot's app hash through {@code
   * rpcServers} (at least two entries; the same server twice is accepted), starting from the
   * trusted block {@code trustHeight} with hash {@code trustHash} (upper-case hex).
   */
  public CometConfig applyStateSync(
      List<String> rpcServers,
      long trustHeight,
      String trustHash,
      Duration discoveryTime,
      Duration chunkRequestTimeout) {
    if (rpcServers.size() < 2) {
      throw new IllegalArgumentException("CometBFT needs at least two state sync RPC servers");
    }
    setBoolean("statesync", "enable", true);
    setString("statesync", "rpc_servers", String.join(",", rpcServers));
    setRaw("statesync", "trust_height", Long.toString(trustHeight));
    setString("statesync", "trust_hash", trustHash);
    setString("statesync", "trust_period", "168h0m0s");
    setDuration("statesync", "discovery_time", discoveryTime);
    setDuration("statesync", "chunk_request_timeout", chunkRequestTimeout);
    return this;
  }

  private int find(String section, String key) {
    String current = "";
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      Matcher s = SECTION.matcher(line);
      if (s.matches()) {
        current = s.group(1);
        continue;
      }
      if (current.equals(section)) {
        Matcher k = KEY.matcher(line);
        if (k.matches() && k.group(2).equals(key)) {
          return i;
        }
      }
    }
    return -1;
  }
}
