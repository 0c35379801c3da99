package org.sprintchain.store.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SortedSet;
import org.sprintchain.store.Snapshot;
import org.sprintchain.store.StateStore.EntryVisitor;

/**
 * The store side of snapshot exports: pins, reads of pinned versions, and the pruning that a
 * released pin lets go. An export pins its version instead of holding the store's read lock for the
 * whole pass: the pass reads the version in pieces that commits do not wait for, and a version that
 * leaves the window meanwhile is not pruned until the snapshot is closed ({@link VersionPins},
 * {@link VersionPruner}).
 */
final class SnapshotPinning implements SnapshotExport.PinnedVersions {
  /** A read of a pinned version stops after this many entries or bytes, so close waits little. */
  private static final int PIECE_ENTRIES = 1024;

  private static final int PIECE_BYTES = 1 << 20;

  private final KvStorage storage;
  private final ValueHistory values;
  private final VersionRoots roots;
  private final VersionPins pins;
  private final VersionPruner pruner;
  private final StoreLocks locks;

  SnapshotPinning(
      KvStorage storage,
      ValueHistory values,
      VersionRoots roots,
      VersionPins pins,
      VersionPruner pruner,
      StoreLocks locks) {
    this.storage = storage;
    this.values = values;
    this.roots = roots;
    this.pins = pins;
    this.pruner = pruner;
    this.locks = locks;
  }

  /** Pins the version (under the read lock, once it is found retained) and runs the export pass. */
  Snapshot export(long version, int chunkBytes) {
    SnapshotExport.checkChunkBytes(chunkBytes);
    byte[] root = pinRetained(version);
    try {
      return SnapshotExport.export(this, version, root, chunkBytes);
    } catch (RuntimeException | Error e) {
      unpin(version);
      throw e;
    }
  }

  @Override
  public void pin(long version) {
    pinRetained(version);
  }

  /** Pins the version under the read lock, once it is found retained; returns its root hash. */
  private byte[] pinRetained(long version) {
    return locks.read(
        () -> {
          byte[] hash = roots.hash(version);
          pins.pin(version);
          return hash;
        });
  }

  @Override
  public void unpin(long version) {
    if (pins.unpin(version)) {
      pruneReleased();
    }
  }

  /**
   * Prunes, in one batch, the deferred versions that no pin holds back any more. Skipped on a
   * closed store: the list is in storage, and the next open prunes them.
   */
  void pruneReleased() {
    locks.writeIfOpen(
        () -> {
          KvBatch batch = new KvBatch();
          SortedSet<Long> deferred = pruner.addReleasedTo(batch);
          if (batch.size() > 0) {
            storage.write(batch);
          }
          pruner.written(deferred);
        });
  }

  @Override
  public void scanFrom(byte[] fromKey, long version, EntryVisitor visitor) {
    byte[] from = fromKey;
    while (true) {
      List<byte[][]> piece = new ArrayList<>();
      boolean more = readPiece(from, version, piece);
      for (byte[][] entry : piece) {
        if (!visitor.visit(entry[0], entry[1])) {
          return;
        }
      }
      if (!more) {
        return;
      }
      byte[] last = piece.getLast()[0];
      from = Arrays.copyOf(last, last.length + 1); // the smallest key after the last one read
    }
  }

  /** Reads up to one piece into {@code piece}; returns whether entries may follow it. */
  private boolean readPiece(byte[] from, long version, List<byte[][]> piece) {
    return locks.readWhileStorageOpen(
        () -> {
          boolean[] more = {false};
          long[] bytes = {0};
          values.iterateFrom(
              from,
              version,
              (k, v) -> {
                piece.add(new byte[][] {k, v});
                bytes[0] += k.length + v.length;
                more[0] = piece.size() >= PIECE_ENTRIES || bytes[0] >= PIECE_BYTES;
                return !more[0];
              });
          return more[0];
        });
  }
}
