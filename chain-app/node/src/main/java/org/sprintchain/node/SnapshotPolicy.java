package org.sprintchain.node;

import org.sprintchain.store.StateSnapshots;
import org.sprintchain.store.StoreOptions;

/**
 * When the node takes state-sync snapshots and how many it offers.
 *
 * <p>A snapshot is taken of every store version that is a multiple of {@code interval} (with {@code
 * initial_height} 1, the block heights that are multiples of it), right after its Commit, in the
 * background. The {@code keep} newest are offered to peers; an older one is dropped once a newer
 * one is ready. Chunks are read from the store when a peer asks, so an offered version must stay
 * readable: {@link #checkRetention(StoreOptions)} refuses a pruning policy that could prune it
 * first.
 *
 * @param interval take a snapshot every this many versions; 0 turns snapshots off
 * @param keep how many of the newest snapshots to offer (at least 1 when snapshots are on)
 * @param chunkBytes the largest chunk, in 1..{@link StateSnapshots#MAX_CHUNK_BYTES}
 */
public record SnapshotPolicy(long interval, int keep, int chunkBytes) {
  public static final long DEFAULT_INTERVAL = 100;
  public static final int DEFAULT_KEEP = 2;

  /** Every 100 versions, the 2 newest offered, 4 MiB chunks. */
  public static final SnapshotPolicy DEFAULT =
      new SnapshotPolicy(DEFAULT_INTERVAL, DEFAULT_KEEP, StateSnapshots.DEFAULT_CHUNK_BYTES);

  public SnapshotPolicy {
    if (interval < 0) {
      throw new IllegalArgumentException("--snapshot-interval must be >= 0, got " + interval);
    }
    if (interval > 0 && keep < 1) {
      throw new IllegalArgumentException("--snapshot-keep must be >= 1, got " + keep);
    }
    if (chunkBytes < 1 || chunkBytes > StateSnapshots.MAX_CHUNK_BYTES) {
      throw new IllegalArgumentException(
          "--snapshot-chunk-bytes must be in 1.."
              + StateSnapshots.MAX_CHUNK_BYTES
              + ", got "
              + chunkBytes);
    }
  }

  public boolean enabled() {
    return interval > 0;
  }

  /** Whether version {@code version} gets a snapshot. */
  public boolean isSnapshotVersion(long version) {
    return enabled() && version > 0 && version % interval == 0;
  }

  /**
   * The pruning window that covers every offered snapshot: the {@code keep} offered ones plus one
   * interval of slack for the export of the next one to finish.
   */
  public long coveringWindow() {
    return Math.multiplyExact(interval, keep + 1L);
  }

  /**
   * Refuses a pruning policy that would prune a snapshot version while it is still offered. Safe
   * are: no pruning; every snapshot version a checkpoint ({@code keepEvery} divides the interval);
   * or a window of at least {@link #coveringWindow()} recent versions.
   *
   * @throws IllegalArgumentException naming the flags that would fix it
   */
  public void checkRetention(StoreOptions pruning) {
    if (!enabled() || !pruning.prunes()) {
      return;
    }
    boolean checkpoints = pruning.keepEvery() > 0 && interval % pruning.keepEvery() == 0;
    if (checkpoints || pruning.keepRecent() >= coveringWindow()) {
      return;
    }
    throw new IllegalArgumentException(
        "--keep-recent "
            + pruning.keepRecent()
            + (pruning.keepEvery() > 0 ? " --keep-every " + pruning.keepEvery() : "")
            + " would prune snapshot versions while peers may still fetch them; use --keep-every"
            + " M with M dividing --snapshot-interval "
            + interval
            + " (snapshot versions become checkpoints), or --keep-recent >= "
            + coveringWindow()
            + " (interval x (snapshot-keep + 1)), or --snapshot-interval 0 (no snapshots)");
  }
}
