package org.sprintchain.store.engine;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.sprintchain.store.StoreOptions;

/**
 * Brings a store opened with another pruning policy than it last ran with in line with the new one,
 * in one batch, before anything reads it.
 *
 * <p>Pruning deletes an entry when the version leaving the window is the last one reading it, apart
 * from the checkpoints of the policy in force. That is sound only while every retained version
 * outside the window is a checkpoint of that policy. A version that the old policy kept (a
 * checkpoint of another interval, a version of a wider window) would otherwise stay readable while
 * the new policy prunes entries it reads, and serve a wrong value. So on a change, every version
 * outside the new window that is no new checkpoint loses its root (reads of it are refused as
 * pruned), and the stale records that will never come due again (versions already outside the new
 * window, which never leave it again) are pruned now under the new policy. Versions inside the new
 * window keep their root and leave it as usual; deferred versions among them leave the deferred
 * list for that reason. An archive policy drops nothing: every retained version is whole, and an
 * archive never deletes.
 *
 * <p>The policy is stored in META ({@code "pruning-policy"}: keepRecent (8, BE) ‖ keepEvery (8,
 * BE)) in the same batch. A store without it predates the key; its policy is unknown and treated as
 * changed, which is harmless when it was the same: there is then nothing to drop.
 */
final class PruningPolicyChange {
  static final byte[] POLICY_KEY = "pruning-policy".getBytes(StandardCharsets.US_ASCII);

  private PruningPolicyChange() {}

  /** Applies {@code options} to the store at {@code latest} unless they are the stored policy. */
  static void apply(KvStorage storage, StoreOptions options, VersionPruner pruner, long latest) {
    byte[] policy = encode(options);
    Optional<byte[]> stored = storage.get(StoreColumn.META, POLICY_KEY);
    if (stored.isPresent() && Arrays.equals(stored.get(), policy)) {
      return;
    }
    KvBatch batch = new KvBatch();
    SortedSet<Long> waiting = pruner.deferred();
    if (options.prunes()) {
      long lastOutside = latest - options.keepRecent(); // no pin holds anything back on open
      TreeSet<Long> leaving = new TreeSet<>(waiting.headSet(lastOutside + 1));
      storage.scan( // roots outside the new window that are no new checkpoint
          StoreColumn.ROOTS,
          new byte[0],
          (k, v) -> {
            long version = ByteBuffer.wrap(k).getLong();
            if (version <= lastOutside && !options.isCheckpoint(version)) {
              leaving.add(version);
            }
            return version <= lastOutside;
          });
      storage.scan( // stale records that will not come due: filed under version + 1
          StoreColumn.STALE,
          new byte[0],
          (k, v) -> {
            long version = ByteBuffer.wrap(k).getLong() - 1;
            if (version <= lastOutside) {
              leaving.add(version);
            }
            return version <= lastOutside;
          });
      for (long version : leaving) {
        pruner.pruneVersion(batch, version);
      }
      waiting = new TreeSet<>();
    }
    pruner.listDeferred(batch, waiting);
    batch.put(StoreColumn.META, POLICY_KEY, policy);
    storage.write(batch);
    pruner.written(waiting);
  }

  static byte[] encode(StoreOptions options) {
    return ByteBuffer.allocate(16)
        .putLong(options.keepRecent())
        .putLong(options.keepEvery())
        .array();
  }
}
