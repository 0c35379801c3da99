package org.sprintchain.node;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sprintchain.abci.AbciAddress;
import org.sprintchain.abci.AbciSocketServer;
import org.sprintchain.chain.ChainApplication;
import org.sprintchain.store.StateStore;
import org.sprintchain.store.StoreCorruptedException;
import org.sprintchain.store.StoreOptions;
import org.sprintchain.store.rocksdb.RocksDbStateStore;

/**
 * The Sprintchain application process that CometBFT connects to: {@code NodeMain --home DIR [--abci
 * tcp://127.0.0.1:26658]}. State lives in RocksDB under {@code DIR/data}. SIGTERM closes the socket
 * and the store cleanly; an unrecoverable storage error halts the process with {@value
 * #EXIT_STORE_CORRUPTED}.
 */
public final class NodeMain {
  public static final String DEFAULT_ABCI = "tcp://127.0.0.1:26658";
  public static final int EXIT_USAGE = 2;
  public static final int EXIT_STARTUP = 1;
  public static final int EXIT_STORE_CORRUPTED = 74;

  private static final Logger LOG = LoggerFactory.getLogger(NodeMain.class);

  private NodeMain() {}

  /** Parsed command line. */
  record Options(Path home, String abci, StoreOptions pruning) {}

  public static void main(String[] args) {
    Options options;
    try {
      options = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      usage(System.err);
      System.exit(EXIT_USAGE);
      return;
    }
    if (options == null) {
      usage(System.out);
      return;
    }
    try {
      run(options);
    } catch (StoreCorruptedException e) {
      LOG.error("Storage is corrupted; halting", e);
      Runtime.getRuntime().halt(EXIT_STORE_CORRUPTED);
    } catch (IOException | RuntimeException e) {
      LOG.error("Node failed to start: {}", e.getMessage(), e);
      System.exit(EXIT_STARTUP);
    }
  }

  /** Returns null when help was asked for. */
  static Options parse(String[] args) {
    Path home = null;
    String abci = DEFAULT_ABCI;
    long keepRecent = 0;
    long keepEvery = 0;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--help", "-h" -> {
          return null;
        }
        case "--home" -> home = Path.of(value(args, ++i, "--home"));
        case "--abci" -> abci = value(args, ++i, "--abci");
        case "--keep-recent" -> keepRecent = count(args, ++i, "--keep-recent");
        case "--keep-every" -> keepEvery = count(args, ++i, "--keep-every");
        default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'");
      }
    }
    if (home == null) {
      throw new IllegalArgumentException("--home is required");
    }
    AbciAddress.parse(abci); // fail early on a malformed address
    if (keepRecent == 0 && keepEvery > 0) {
      throw new IllegalArgumentException("--keep-every needs --keep-recent (pruning is off)");
    }
    StoreOptions pruning =
        keepRecent == 0 ? StoreOptions.archive() : StoreOptions.pruning(keepRecent, keepEvery);
    return new Options(home, abci, pruning);
  }

  private static long count(String[] args, int i, String flag) {
    String text = value(args, i, flag);
    try {
      long n = Long.parseLong(text);
      if (n < 0) {
        throw new IllegalArgumentException(flag + " must be >= 0, got " + n);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(flag + " needs a whole number, got '" + text + "'");
    }
  }

  private static String value(String[] args, int i, String flag) {
    if (i >= args.length || args[i].startsWith("--")) {
      throw new IllegalArgumentException(flag + " needs a value");
    }
    return args[i];
  }

  static void usage(PrintStream out) {
    out.println(
        String.join(
            "\n",
            "Usage: NodeMain --home DIR [--abci ADDRESS] [--keep-recent N [--keep-every M]]",
            "  --home DIR      node home; application state is kept in DIR/data (RocksDB)",
            "  --abci ADDRESS  where CometBFT's proxy_app connects (default " + DEFAULT_ABCI + ";",
            "                  tcp://HOST:PORT or unix:///PATH)",
            "  --keep-recent N keep the N latest state versions readable (default 0: keep all)",
            "  --keep-every M  with --keep-recent, also keep every M-th version (checkpoints)",
            "  --help          print this help"));
    out.flush();
  }

  private static void run(Options options) throws IOException {
    Path data = options.home().resolve("data");
    Files.createDirectories(data);
    StateStore store = RocksDbStateStore.open(data, options.pruning());
    ChainApplication chain = new ChainApplication(store);
    SprintAbciApplication app = new SprintAbciApplication(chain, NodeMain::haltOnCorruption);
    AbciSocketServer server = new AbciSocketServer(AbciAddress.parse(options.abci()), app);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            Thread.ofPlatform()
                .name("sprint-shutdown")
                .unstarted(
                    () -> {
                      LOG.info("Shutting down");
                      server.close();
                      store.close();
                      LOG.info("Stopped cleanly");
                      stopped.countDown();
                    }));
    AbciAddress bound = server.start();
    var info = chain.info();
    LOG.info(
        "Sprintchain app {} serving ABCI on {}; state in {} at height {}",
        SprintAbciApplication.VERSION,
        bound,
        data,
        info.lastHeight());
    awaitQuietly(stopped);
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Halts without running shutdown hooks: nothing more may be written to a store in an unknown
   * state. RocksDB's write-ahead log keeps every committed version.
   */
  private static void haltOnCorruption(String what, RuntimeException cause) {
    LOG.error("{}; halting the node so nothing builds on a half-applied block", what, cause);
    System.out.flush();
    System.err.flush();
    Runtime.getRuntime().halt(EXIT_STORE_CORRUPTED);
  }
}
