package org.sprintchain.store.rocksdb;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.sprintchain.store.StoreOptions;
import org.sprintchain.store.testing.BlockGenerator;

/**
 * The child process of {@link CrashRecoveryIntegrationTest}: opens the store, then commits the
 * deterministic block of each next version forever, printing {@code ACK v} once commit(v) returned.
 * The parent kills it with SIGKILL at a random moment.
 */
public final class CrashingCommitter {
  static final StoreOptions OPTIONS = StoreOptions.pruning(4, 25);
  static final int KEY_SPACE = 3000;
  static final int MAX_WRITES = 200;

  private CrashingCommitter() {}

  public static void main(String[] args) {
    Path dir = Path.of(args[0]);
    long seed = Long.parseLong(args[1]);
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.US_ASCII);
    try (RocksDbStateStore store = RocksDbStateStore.open(dir, OPTIONS)) {
      out.println("OPEN " + store.latestVersion());
      out.flush();
      while (true) {
        long next = store.latestVersion() + 1;
        store.commit(store.prepare(BlockGenerator.blockAt(seed, next, KEY_SPACE, MAX_WRITES)));
        out.println("ACK " + next);
        out.flush();
        if (out.checkError()) {
          // PrintStream swallows write errors: never commit v+1 unless the parent got ACK v, or
          // the parent would see a store two versions past its last ACK.
          Runtime.getRuntime().halt(3);
        }
      }
    }
  }
}
