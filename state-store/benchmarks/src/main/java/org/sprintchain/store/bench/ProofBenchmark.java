package org.sprintchain.store.bench;

import java.nio.file.Path;
import java.util.Locale;
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
import org.sprintchain.store.ProofVerifier;
import org.sprintchain.store.StoreOptions;
import org.sprintchain.store.rocksdb.RocksDbStateStore;

/**
 * Proof size and verification time at {@code keys} entries. Setup measures the mean encoded size of
 * membership and absence proofs over 2,000 random keys at 1/8, 1/4, 1/2 and all of the keys (older
 * versions of one archive store), fits the growth per doubling of the store, extrapolates to 10M
 * keys and prints it; the benchmark times {@link ProofVerifier#verify} of membership proofs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx3g", "--enable-native-access=ALL-UNNAMED"})
public class ProofBenchmark {
  private static final long SEED = 0xF00D;
  private static final int SAMPLE = 2_000;
  private static final int PROOFS = 1_024;

  @Param({"1000000"})
  public int keys;

  private Path dir;
  private byte[][] proofs;
  private byte[][] proofKeys;
  private byte[][] proofValues;
  private byte[] root;
  private int next;

  @Setup(Level.Trial)
  public void populate() {
    dir = BenchData.tempDir("sprint-proof-bench");
    try (RocksDbStateStore store =
        RocksDbStateStore.open(dir.resolve("store"), StoreOptions.archive())) {
      byte[][][] initial = BenchData.entries(new SplittableRandom(SEED), keys);
      long[] versions = BenchData.populate(store, initial, keys / 16);
      int[] eighths = {2, 4, 8, 16};
      long[] membership = new long[eighths.length];
      long[] absence = new long[eighths.length];
      long max = 0;
      SplittableRandom random = new SplittableRandom(SEED + 1);
      for (int s = 0; s < eighths.length; s++) {
        long version = versions[eighths[s] - 1];
        int present = keys / 16 * eighths[s];
        for (int i = 0; i < SAMPLE; i++) {
          int size = store.prove(initial[0][random.nextInt(present)], version).encode().length;
          membership[s] += size;
          max = s == eighths.length - 1 ? Math.max(max, size) : max;
          byte[] absent = new byte[BenchData.KEY_BYTES];
          random.nextBytes(absent);
          absence[s] += store.prove(absent, version).encode().length;
        }
      }
      report("membership", membership, max);
      report("absence", absence, -1);
      root = store.rootHash();
      proofs = new byte[PROOFS][];
      proofKeys = new byte[PROOFS][];
      proofValues = new byte[PROOFS][];
      for (int i = 0; i < PROOFS; i++) {
        int k = random.nextInt(keys);
        proofKeys[i] = initial[0][k];
        proofValues[i] = initial[1][k];
        proofs[i] = store.prove(proofKeys[i], store.latestVersion()).encode();
      }
    }
  }

  private void report(String kind, long[] totals, long max) {
    double[] mean = new double[totals.length];
    for (int i = 0; i < totals.length; i++) {
      mean[i] = (double) totals[i] / SAMPLE;
    }
    double perDoubling = (mean[mean.length - 1] - mean[0]) / (mean.length - 1);
    double at10x = mean[mean.length - 1] + perDoubling * Math.log(10) / Math.log(2);
    System.out.printf(
        Locale.ROOT,
        "%nPROOF SIZE %s: mean bytes at %d/%d/%d/%d keys = %.0f/%.0f/%.0f/%.0f; %+.1f bytes per"
            + " doubling; extrapolated mean at %d keys = %.0f%s%n",
        kind,
        keys / 8,
        keys / 4,
        keys / 2,
        keys,
        mean[0],
        mean[1],
        mean[2],
        mean[3],
        perDoubling,
        keys * 10L,
        at10x,
        max >= 0 ? String.format(Locale.ROOT, "; max at %d keys = %d", keys, max) : "");
  }

  @Benchmark
  public boolean verifyMembership() {
    int i = next++ & (PROOFS - 1);
    return ProofVerifier.verify(proofs[i], proofKeys[i], Optional.of(proofValues[i]), root);
  }

  @TearDown(Level.Trial)
  public void close() {
    BenchData.delete(dir);
  }
}
