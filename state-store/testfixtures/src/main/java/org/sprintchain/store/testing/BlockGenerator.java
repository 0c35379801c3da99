package org.sprintchain.store.testing;

import java.util.SplittableRandom;
import org.sprintchain.store.WriteSet;

/**
 * A seeded source of write sets that look like blocks: mostly updates of a bounded key space, some
 * inserts, some deletes. The same seed always yields the same blocks, so a crashed writer and a
 * clean replay agree on what version n holds.
 */
public final class BlockGenerator {
  private final SplittableRandom random;
  private final int keySpace;
  private final int maxWrites;

  public BlockGenerator(long seed, int keySpace, int maxWrites) {
    this.random = new SplittableRandom(seed);
    this.keySpace = keySpace;
    this.maxWrites = maxWrites;
  }

  /**
   * The block of one version on its own, without generating the blocks before it, so a restarted
   * writer and a verifier can both jump to any version.
   */
  public static WriteSet blockAt(long seed, long version, int keySpace, int maxWrites) {
    long mixed = new SplittableRandom(seed ^ (version * 0x9E3779B97F4A7C15L)).nextLong();
    return new BlockGenerator(mixed, keySpace, maxWrites).next();
  }

  /** The next block's writes; about one write in five is a delete. */
  public WriteSet next() {
    WriteSet writes = new WriteSet();
    int count = random.nextInt(maxWrites + 1);
    for (int i = 0; i < count; i++) {
      byte[] key = key(random.nextInt(keySpace));
      if (random.nextInt(5) == 0) {
        writes.delete(key);
      } else {
        byte[] value = new byte[1 + random.nextInt(40)];
        random.nextBytes(value);
        writes.put(key, value);
      }
    }
    return writes;
  }

  public static byte[] key(int index) {
    return new byte[] {'k', (byte) (index >>> 16), (byte) (index >>> 8), (byte) index};
  }
}
