package org.sprintchain.store.bench;

import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;
import org.sprintchain.store.StoreOptions;
import org.sprintchain.store.WriteSet;
import org.sprintchain.store.rocksdb.RocksDbStateStore;

/**
 * Commit of a block of random 32-byte keys with 100-byte values on a store populated with {@code
 * keys} entries, against a raw synced RocksDB WriteBatch of the same writes on a raw database
 * holding the same entries. Both sides get the same sequence of blocks (same seed). The
 * authenticated side is prepare (hashing, tree update) plus commit (one synced WriteBatch), with
 * pruning at steady state: every commit also deletes what the version two back made stale.
 *
 * <p>{@code writeMode}: {@code insert} writes new random keys, so the store grows by one block per
 * op; {@code update} writes new values to random keys of the initial set (distinct within a block),
 * so the store stays at {@code keys} entries and every write supersedes a value that pruning then
 * deletes.
 *
 * <p>Single-shot: each iteration commits exactly one block (made beforehand, outside the timing),
 * so the number of blocks is fixed (20 warmup + 40 measured) and the store stays near {@code keys}:
 * an insert run ends at keys + 60 blocks (1.06M at 1k writes, 1.6M at 10k). A time-based mode
 * commits as many blocks as fit, so the faster side would be measured on a bigger store.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 20)
@Measurement(iterations = 40)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx3g", "--enable-native-access=ALL-UNNAMED"})
public class CommitBenchmark {
  private static final long SEED = 0xC0FFEE;

  @Param({"1000", "10000"})
  public int writes;

  @Param({"1000000"})
  public int keys;

  @Param({"insert", "update"})
  public String writeMode;

  private Path dir;
  private RocksDbStateStore store;
  private RocksDB raw;
  private Options rawOptions;
  private WriteOptions sync;
  private SplittableRandom blocks;
  private byte[][][] block;
  private byte[][] initialKeys;
  private WriteSet writeSet;

  @Setup(Level.Trial)
  public void populate(BenchmarkParams params) throws RocksDBException {
    dir = BenchData.tempDir("sprint-commit-bench");
    byte[][][] initial = BenchData.entries(new SplittableRandom(SEED), keys);
    initialKeys = initial[0];
    if (params.getBenchmark().endsWith("rawWriteBatch")) {
      RocksDB.loadLibrary();
      rawOptions = new Options().setCreateIfMissing(true);
      raw = RocksDB.open(rawOptions, dir.resolve("raw").toString());
      BenchData.populate(raw, initial, 50_000);
    } else {
      store = RocksDbStateStore.open(dir.resolve("store"), StoreOptions.pruning(2, 0));
      BenchData.populate(store, initial, 50_000);
    }
    sync = new WriteOptions().setSync(true);
    blocks = new SplittableRandom(SEED + 1);
  }

  @Setup(Level.Iteration)
  public void nextBlock() {
    block = BenchData.entries(blocks, writes);
    if (writeMode.equals("update")) {
      block[0] = BenchData.distinctSample(blocks, initialKeys, writes);
    }
    writeSet = store == null ? null : BenchData.writeSet(block);
  }

  @Benchmark
  public void authenticatedCommit() {
    store.commit(store.prepare(writeSet));
  }

  @Benchmark
  public void rawWriteBatch() throws RocksDBException {
    try (WriteBatch wb = new WriteBatch()) {
      for (int i = 0; i < block[0].length; i++) {
        wb.put(block[0][i], block[1][i]);
      }
      raw.write(sync, wb);
    }
  }

  @TearDown(Level.Trial)
  public void close() {
    if (store != null) {
      store.close();
    }
    if (raw != null) {
      raw.close();
      rawOptions.close();
    }
    sync.close();
    BenchData.delete(dir);
  }
}
