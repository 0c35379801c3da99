package org.sprintchain.node;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sprintchain.abci.AbciAddress;
import org.sprintchain.abci.AbciSocketServer;
import org.sprintchain.chain.ChainApplication;
import org.sprintchain.node.http.HttpApiFlags;
import org.sprintchain.node.http.HttpApiOptions;
import org.sprintchain.node.http.InferenceHttpServer;
import org.sprintchain.node.worker.SprintWorker;
import org.sprintchain.node.worker.WorkerOptions;
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
  record Options(
      Path home,
      String abci,
      StoreOptions pruning,
      SnapshotPolicy snapshots,
      Optional<WorkerOptions> worker,
      Optional<HttpApiOptions> http) {}

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
    long snapshotInterval = SnapshotPolicy.DEFAULT_INTERVAL;
    long snapshotKeep = SnapshotPolicy.DEFAULT_KEEP;
    long chunkBytes = SnapshotPolicy.DEFAULT.chunkBytes();
    WorkerFlags worker = new WorkerFlags();
    HttpApiFlags http = new HttpApiFlags();
    for (int i = 0; i < args.length; i++) {
      if (http.accepts(args[i])) {
        http.set(args[i], value(args, ++i, args[i - 1]));
        continue;
      }
      if (worker.accepts(args[i])) {
        worker.set(args[i], value(args, ++i, args[i - 1]));
        http.seeWorkerFlag(args[i - 1], args[i]);
        continue;
      }
      if (args[i].equals("--no-worker")) {
        worker.disable();
        continue;
      }
      switch (args[i]) {
        case "--help", "-h" -> {
          return null;
        }
        case "--home" -> home = Path.of(value(args, ++i, "--home"));
        case "--abci" -> abci = value(args, ++i, "--abci");
        case "--keep-recent" -> keepRecent = count(args, ++i, "--keep-recent");
        case "--keep-every" -> keepEvery = count(args, ++i, "--keep-every");
        case "--snapshot-interval" -> snapshotInterval = count(args, ++i, "--snapshot-interval");
        case "--snapshot-keep" -> snapshotKeep = count(args, ++i, "--snapshot-keep");
        case "--snapshot-chunk-bytes" -> chunkBytes = count(args, ++i, "--snapshot-chunk-bytes");
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
    SnapshotPolicy snapshots =
        new SnapshotPolicy(
            snapshotInterval,
            (int) Math.min(snapshotKeep, Integer.MAX_VALUE),
            (int) Math.min(chunkBytes, Integer.MAX_VALUE));
    snapshots.checkRetention(pruning);
    return new Options(home, abci, pruning, snapshots, worker.build(home), http.build());
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
            "                [--snapshot-interval K] [--snapshot-keep S] [--snapshot-chunk-bytes B]",
            "  --home DIR      node home; application state is kept in DIR/data (RocksDB)",
            "  --abci ADDRESS  where CometBFT's proxy_app connects (default " + DEFAULT_ABCI + ";",
            "                  tcp://HOST:PORT or unix:///PATH)",
            "  --keep-recent N keep the N latest state versions readable (default 0: keep all)",
            "  --keep-every M  with --keep-recent, also keep every M-th version (checkpoints)",
            "  --snapshot-interval K  take a state-sync snapshot every K versions (default "
                + SnapshotPolicy.DEFAULT_INTERVAL
                + "; 0: none)",
            "  --snapshot-keep S      offer the S newest snapshots (default "
                + SnapshotPolicy.DEFAULT_KEEP
                + ")",
            "  --snapshot-chunk-bytes B  largest snapshot chunk (default "
                + SnapshotPolicy.DEFAULT.chunkBytes()
                + ")",
            "  With pruning, snapshot versions must stay readable while offered: M must divide K,",
            "  or N must be at least K x (S + 1).",
            WorkerFlags.USAGE,
            HttpApiFlags.USAGE,
            "  --help          print this help"));
    out.flush();
  }

  private static void run(Options options) throws IOException {
    Path data = options.home().resolve("data");
    Files.createDirectories(data);
    RocksDbStateStore store = RocksDbStateStore.open(data, options.pruning());
    ChainApplication chain = new ChainApplication(store);
    SnapshotProducer snapshots =
        new SnapshotProducer(
            store, store, options.snapshots(), options.pruning(), NodeMain::haltOnCorruption);
    SprintAbciApplication app =
        new SprintAbciApplication(
            chain, snapshots, new SnapshotRestorer(store, chain), NodeMain::haltOnCorruption);
    AbciSocketServer server = new AbciSocketServer(AbciAddress.parse(options.abci()), app);
    Optional<InferenceHttpServer> http = options.http().map(InferenceHttpServer::new);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            Thread.ofPlatform()
                .name("sprint-shutdown")
                .unstarted(
                    () -> {
                      LOG.info("Shutting down");
                      http.ifPresent(InferenceHttpServer::close);
                      server.close();
                      snapshots.close();
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
    if (options.snapshots().enabled()) {
      LOG.info(
          "State-sync snapshots every {} versions, the {} newest offered",
          options.snapshots().interval(),
          options.snapshots().keep());
      snapshots.resume(info.lastHeight());
    }
    if (options.worker().isPresent()) {
      SprintWorker worker = new SprintWorker(options.worker().get());
      worker.start();
    } else {
      LOG.info("No sprint worker (give --rpc and --worker-key to run one)");
    }
    if (http.isPresent()) {
      http.get().start();
    }
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
