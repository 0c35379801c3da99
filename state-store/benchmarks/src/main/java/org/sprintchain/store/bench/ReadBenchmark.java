package org.sprintchain.store.bench;

import java.nio.file.Path;
import java.util.Optional;
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
import org.sprintchain.store.Proof;
import org.sprintchain.store.StoreOptions;
import org.sprintchain.store.rocksdb.RocksDbStateStore;

/**
 * Point reads and proofs of random present keys on an archive store of {@code keys} entries: at the
 * latest version, and at an old version ten blocks (of 10k updates each) back, where the value
 * history has newer entries in front of the one read.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx3g", "--enable-native-access=ALL-UNNAMED"})
public class ReadBenchmark {
  private static final long SEED = 0xBEEF;
  private static final int LATER_BLOCKS = 10;

  @Param({"1000000"})
  public int keys;

  private Path dir;
  private RocksDbStateStore store;
  private byte[][] present;
  private long oldVersion;
  private long latest;
  private SplittableRandom pick;

  @Setup(Level.Trial)
  public void populate() {
    dir = BenchData.tempDir("sprint-read-bench");
    store = RocksDbStateStore.open(dir.resolve("store"), StoreOptions.archive());
    byte[][][] initial = BenchData.entries(new SplittableRandom(SEED), keys);
    BenchData.populate(store, initial, 50_000);
    present = initial[0];
    oldVersion = store.latestVersion();
    SplittableRandom random = new SplittableRandom(SEED + 1);
    for (int b = 0; b < LATER_BLOCKS; b++) {
      byte[][][] updates = BenchData.entries(random, 10_000);
      for (int i = 0; i < updates[0].length; i++) {
        updates[0][i] = present[random.nextInt(present.length)];
      }
      store.commit(store.prepare(BenchData.writeSet(updates)));
    }
    latest = store.latestVersion();
    pick = new SplittableRandom(SEED + 2);
  }

  private byte[] anyKey() {
    return present[pick.nextInt(present.length)];
  }

  @Benchmark
  public Optional<byte[]> getLatest() {
    return store.get(anyKey());
  }

  @Benchmark
  public Optional<byte[]> getOld() {
    return store.get(anyKey(), oldVersion);
  }

  @Benchmark
  public Proof proveLatest() {
    return store.prove(anyKey(), latest);
  }

  @TearDown(Level.Trial)
  public void close() {
    store.close();
    BenchData.delete(dir);
  }
}
