package org.sprintchain.node;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sprintchain.store.Snapshot;
import org.sprintchain.store.SnapshotManifest;
import org.sprintchain.store.StateSnapshots;
import org.sprintchain.store.StateStore;
import org.sprintchain.store.StoreCorruptedException;
import org.sprintchain.store.StoreOptions;
import org.sprintchain.store.VersionNotAvailableException;

/**
 * Takes the node's state-sync snapshots and serves them to peers (ABCI ListSnapshots and
 * LoadSnapshotChunk).
 *
 * <p>The export pass (one walk over the version's entries to fix chunk boundaries and hashes) runs
 * on a background thread after the Commit of a snapshot version, so consensus does not wait for it
 * beyond the store's own locking; chunks are rebuilt from the store one at a time when a peer asks.
 * Nothing is written to disk: after a restart the node exports the newest retained snapshot
 * versions again (exports are deterministic, so peers see the same snapshots).
 *
 * <p>Each exported {@link Snapshot} pins its store version (pruning of it is deferred) until it is
 * closed, so every snapshot this class drops, whether replaced, retired past its grace, unreadable
 * or at shutdown, is closed here.
 */
final class SnapshotProducer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SnapshotProducer.class);
  private static final HexFormat HEX = HexFormat.of().withUpperCase();

  /** A snapshot offered to peers; {@code height} is the block whose state it holds. */
  record Offered(long height, Snapshot snapshot) {
    SnapshotManifest manifest() {
      return snapshot.manifest();
    }
  }

  private final StateStore store;
  private final StateSnapshots snapshots;
  private final SnapshotPolicy policy;
  private final FatalErrorHandler fatal;
  private final ExecutorService exporter;

  /**
   * How long a snapshot that left the offered list still serves chunks: a peer picks a snapshot
   * after CometBFT's discovery time (15 s by default) and then fetches its chunks, so one that is
   * replaced meanwhile must not vanish under it.
   */
  static final Duration RETIRE_GRACE = Duration.ofMinutes(2);

  /** Newest last; guarded by {@code this}. */
  private final List<Offered> offered = new ArrayList<>();

  /** No longer listed, still served until their deadline (System.nanoTime); guarded by this. */
  private final List<Retiring> retiring = new ArrayList<>();

  private record Retiring(Offered snapshot, long deadlineNanos) {}

  /**
   * @param store the node's store; {@code snapshots} is the same store's snapshot side
   * @throws IllegalArgumentException when {@code pruning} could prune an offered snapshot
   */
  SnapshotProducer(
      StateStore store,
      StateSnapshots snapshots,
      SnapshotPolicy policy,
      StoreOptions pruning,
      FatalErrorHandler fatal) {
    policy.checkRetention(pruning);
    this.store = store;
    this.snapshots = snapshots;
    this.policy = policy;
    this.fatal = fatal;
    this.exporter =
        Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("sprint-snapshots").factory());
  }

  SnapshotPolicy policy() {
    return policy;
  }

  /**
   * At startup (and after a state-sync restore): exports again the {@code keep} newest snapshot
   * versions that the store still holds. {@code lastHeight} is the block of the latest version;
   * version {@code v} holds block {@code lastHeight - (latest - v)}.
   */
  void resume(long lastHeight) {
    long latestVersion = store.latestVersion();
    if (!policy.enabled() || latestVersion < policy.interval()) {
      return;
    }
    long newest = latestVersion / policy.interval() * policy.interval();
    long oldest = Math.max(policy.interval(), newest - (policy.keep() - 1) * policy.interval());
    for (long v = oldest; v <= newest; v += policy.interval()) {
      submit(v, lastHeight - (latestVersion - v), true);
    }
  }

  /** After the Commit of block {@code height} (the store's latest version): maybe snapshot it. */
  void afterCommit(long height) {
    long version = store.latestVersion();
    List<Offered> expired;
    synchronized (this) {
      expired = sweepExpired(System.nanoTime());
    }
    release(expired);
    if (policy.isSnapshotVersion(version)) {
      submit(version, height, false);
    }
  }

  /** The offered snapshots, newest first. */
  synchronized List<Offered> list() {
    return offered.reversed().stream().toList();
  }

  /**
   * Chunk {@code index} of the snapshot of {@code height} in {@code format}, or empty when this
   * node does not offer it (any more).
   */
  Optional<byte[]> chunk(long height, int format, int index) {
    if (format != SnapshotManifest.FORMAT) {
      return Optional.empty();
    }
    Optional<Offered> found;
    List<Offered> expired;
    synchronized (this) {
      expired = sweepExpired(System.nanoTime());
      found =
          Stream.concat(offered.stream(), retiring.stream().map(Retiring::snapshot))
              .filter(o -> o.height() == height)
              .findFirst();
    }
    release(expired);
    if (found.isEmpty() || index < 0 || index >= found.get().manifest().chunkCount()) {
      return Optional.empty();
    }
    try {
      return Optional.of(found.get().snapshot().chunk(index));
    } catch (VersionNotAvailableException e) {
      LOG.warn(
          "Snapshot at height {} is no longer readable, dropping it: {}", height, e.getMessage());
      synchronized (this) {
        offered.remove(found.get());
        retiring.removeIf(r -> r.snapshot().equals(found.get()));
      }
      release(List.of(found.get()));
      return Optional.empty();
    }
  }

  /** Waits until every export submitted so far has finished (tests). */
  void awaitIdle(Duration timeout) {
    try {
      exporter.submit(() -> {}).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for snapshot exports", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("snapshot exports did not finish within " + timeout, e);
    }
  }

  @Override
  public void close() {
    exporter.shutdownNow();
    try {
      if (!exporter.awaitTermination(5, TimeUnit.SECONDS)) {
        LOG.warn("A snapshot export was still running at shutdown");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    List<Offered> all = new ArrayList<>();
    synchronized (this) {
      all.addAll(offered);
      retiring.forEach(r -> all.add(r.snapshot()));
      offered.clear();
      retiring.clear();
    }
    release(all);
  }

  private void submit(long version, long height, boolean resumed) {
    try {
      exporter.execute(() -> export(version, height, resumed));
    } catch (RejectedExecutionException e) {
      LOG.debug("Not taking the snapshot of height {}: shutting down", height);
    }
  }

  private void export(long version, long height, boolean resumed) {
    long start = System.nanoTime();
    Snapshot snapshot;
    try {
      snapshot = snapshots.exportSnapshot(version, policy.chunkBytes());
    } catch (VersionNotAvailableException e) {
      if (resumed) {
        LOG.debug("Snapshot version {} is not retained; not offering it", version);
      } else {
        LOG.warn("Could not take the snapshot of height {}: {}", height, e.getMessage());
      }
      return;
    } catch (StoreCorruptedException e) {
      fatal.halt("Snapshot export of height " + height + ": unrecoverable storage failure", e);
      return;
    } catch (RuntimeException e) {
      LOG.error("Could not take the snapshot of height {}: {}", height, e.getMessage(), e);
      return;
    }
    SnapshotManifest manifest = snapshot.manifest();
    List<Offered> dropped = new ArrayList<>();
    List<Offered> replaced = new ArrayList<>();
    synchronized (this) {
      offered.removeIf(o -> o.height() == height && replaced.add(o));
      offered.add(new Offered(height, snapshot));
      offered.sort(Comparator.comparingLong(Offered::height));
      while (offered.size() > policy.keep()) {
        dropped.add(offered.removeFirst());
      }
      long deadline = System.nanoTime() + RETIRE_GRACE.toNanos();
      dropped.forEach(o -> retiring.add(new Retiring(o, deadline)));
    }
    LOG.info(
        "Snapshot taken at height {} (store version {}, {} chunk(s), hash {}) in {} ms",
        height,
        version,
        manifest.chunkCount(),
        HEX.formatHex(manifest.hash()),
        (System.nanoTime() - start) / 1_000_000);
    release(replaced);
    dropped.forEach(
        o ->
            LOG.info(
                "Snapshot at height {} is no longer offered (its chunks are served for {} s more)",
                o.height(),
                RETIRE_GRACE.toSeconds()));
  }

  /** Removes the retiring snapshots past their grace and returns them; caller holds this. */
  private List<Offered> sweepExpired(long now) {
    List<Offered> expired = new ArrayList<>();
    retiring.removeIf(r -> now - r.deadlineNanos() > 0 && expired.add(r.snapshot()));
    return expired;
  }

  /**
   * Closes dropped snapshots, outside this object's monitor (a close may prune, under the store's
   * lock).
   */
  private void release(List<Offered> dropped) {
    for (Offered o : dropped) {
      try {
        o.snapshot().close();
      } catch (StoreCorruptedException e) {
        fatal.halt(
            "Releasing the snapshot of height " + o.height() + ": unrecoverable storage failure",
            e);
      } catch (RuntimeException e) {
        LOG.warn("Could not release the snapshot at height {}: {}", o.height(), e.getMessage(), e);
      }
    }
  }
}
