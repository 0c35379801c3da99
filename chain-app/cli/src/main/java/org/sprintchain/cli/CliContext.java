package org.sprintchain.cli;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.sprintchain.client.Keyring;
import org.sprintchain.testnet.LocalTestnet;
import org.sprintchain.testnet.TestnetManifest;

/**
 * What every command shares: its output streams and the defaults that tie the CLI to the local
 * testnet. The default {@code --home} is the testnet folder ({@code <repo>/.testnet}), so the
 * {@code demo} key that {@code testnet up} creates works with {@code tx send --from demo}; the
 * default {@code --node} is node0's RPC from that folder's manifest, else CometBFT's usual {@code
 * http://127.0.0.1:26657}.
 */
record CliContext(PrintStream out, PrintStream err, Path testnetDir) {
  static final String FALLBACK_NODE = "http://127.0.0.1:26657";
  static final String FALLBACK_HTTP = "http://127.0.0.1:26659";

  /** A testnet node's HTTP port above its p2p port (testnet's PortAllocator layout). */
  static final int HTTP_PORT_OFFSET = 3;

  static CliContext system() {
    return new CliContext(System.out, System.err, LocalTestnet.defaultDir());
  }

  Path home(Args args) {
    return args.option("home").map(Path::of).orElse(testnetDir);
  }

  Keyring keyring(Args args) {
    return new Keyring(home(args));
  }

  /** {@code --node}, else node0 of the testnet in {@code --home} or the default dir. */
  URI node(Args args) {
    Optional<String> given = args.option("node");
    if (given.isPresent()) {
      try {
        URI uri = URI.create(given.get());
        if (uri.getScheme() == null || uri.getHost() == null) {
          throw new UsageException(
              "--node must be a URL like http://127.0.0.1:26657, got '" + given.get() + "'");
        }
        return uri;
      } catch (IllegalArgumentException e) {
        throw new UsageException("--node is not a URL: " + e.getMessage());
      }
    }
    for (Path dir : new Path[] {home(args), testnetDir}) {
      if (TestnetManifest.existsIn(dir)) {
        return URI.create(TestnetManifest.read(dir).nodes().get(0).ports().rpcUrl());
      }
    }
    return URI.create(FALLBACK_NODE);
  }

  /**
   * {@code --http}, else node0's inference API of the testnet in {@code --home} or the default dir
   * (node {@code i} serves it on {@code base + 10·i + 3}, beside its p2p port {@code base + 10·i}),
   * else {@value #FALLBACK_HTTP}.
   */
  URI inferenceApi(Args args) {
    Optional<String> given = args.option("http");
    if (given.isPresent()) {
      try {
        URI uri = URI.create(given.get());
        if (uri.getScheme() == null || uri.getHost() == null) {
          throw new UsageException(
              "--http must be a URL like http://127.0.0.1:26659, got '" + given.get() + "'");
        }
        return uri;
      } catch (IllegalArgumentException e) {
        throw new UsageException("--http is not a URL: " + e.getMessage());
      }
    }
    for (Path dir : new Path[] {home(args), testnetDir}) {
      if (TestnetManifest.existsIn(dir)) {
        int p2p = TestnetManifest.read(dir).nodes().get(0).ports().p2p();
        return URI.create("http://127.0.0.1:" + (p2p + HTTP_PORT_OFFSET));
      }
    }
    return URI.create(FALLBACK_HTTP);
  }
}
