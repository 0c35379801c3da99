package org.sprintchain.store.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;
import org.sprintchain.store.StateStore;
import org.sprintchain.store.WriteSet;

/**
 * Seeded benchmark data: 32-byte random keys and 100-byte random values, and the code that loads
 * them into a store or a raw RocksDB.
 */
final class BenchData {
  static final int KEY_BYTES = 32;
  static final int VALUE_BYTES = 100;

  private BenchData() {}

  /** {@code count} random keys (row 0) and values (row 1) from {@code random}. */
  static byte[][][] entries(SplittableRandom random, int count) {
    byte[][] keys = new byte[count][KEY_BYTES];
    byte[][] values = new byte[count][VALUE_BYTES];
    for (int i = 0; i < count; i++) {
      random.nextBytes(keys[i]);
      random.nextBytes(values[i]);
    }
    return new byte[][][] {keys, values};
  }

  /** {@code count} distinct elements of {@code from}, chosen at random. */
  static byte[][] distinctSample(SplittableRandom random, byte[][] from, int count) {
    java.util.BitSet taken = new java.util.BitSet(from.length);
    byte[][] out = new byte[count][];
    for (int i = 0; i < count; ) {
      int pick = random.nextInt(from.length);
      if (!taken.get(pick)) {
        taken.set(pick);
        out[i++] = from[pick];
      }
    }
    return out;
  }

  static WriteSet writeSet(byte[][][] entries) {
    WriteSet w = new WriteSet();
    for (int i = 0; i < entries[0].length; i++) {
      w.put(entries[0][i], entries[1][i]);
    }
    return w;
  }

  /** Commits {@code entries} in blocks of {@code blockSize}; returns the version after each. */
  static long[] populate(StateStore store, byte[][][] entries, int blockSize) {
    int total = entries[0].length;
    long[] versions = new long[(total + blockSize - 1) / blockSize];
    for (int from = 0, b = 0; from < total; from += blockSize, b++) {
      WriteSet w = new WriteSet();
      for (int i = from; i < Math.min(total, from + blockSize); i++) {
        w.put(entries[0][i], entries[1][i]);
      }
      store.commit(store.prepare(w));
      versions[b] = store.latestVersion();
    }
    return versions;
  }

  static void populate(RocksDB db, byte[][][] entries, int blockSize) throws RocksDBException {
    try (WriteOptions noSync = new WriteOptions()) {
      int total = entries[0].length;
      for (int from = 0; from < total; from += blockSize) {
        try (WriteBatch wb = new WriteBatch()) {
          for (int i = from; i < Math.min(total, from + blockSize); i++) {
            wb.put(entries[0][i], entries[1][i]);
          }
          db.write(noSync, wb);
        }
      }
    }
  }

  static Path tempDir(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void delete(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
