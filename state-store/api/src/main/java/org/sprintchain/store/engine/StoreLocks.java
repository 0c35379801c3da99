package org.sprintchain.store.engine;

import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The locks of a {@link MerkleStateStore}, and whether it is closed.
 *
 * <p>Queries (ABCI query connection) may run beside the consensus connection. Reads and prepare
 * share the store lock; commit, the writes of a snapshot import, pruning on release and close take
 * it exclusively, so a read never sees a half-pruned version. Reads of a pinned version (a snapshot
 * export) need no protection from commits: a pinned version's entries are neither pruned nor
 * rewritten, and newer entries are skipped by version. They share only the storage-open lock, which
 * close takes exclusively so that storage is not closed under such a read.
 */
final class StoreLocks {
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final ReadWriteLock storageOpen = new ReentrantReadWriteLock();
  private boolean closed;

  /** Runs a read of the open store under the shared store lock. */
  <T> T read(Supplier<T> action) {
    lock.readLock().lock();
    try {
      requireOpen();
      return action.get();
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Runs a change of the open store under the exclusive store lock. */
  void write(Runnable action) {
    lock.writeLock().lock();
    try {
      requireOpen();
      action.run();
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Runs a change under the exclusive store lock; does nothing when the store is closed. */
  void writeIfOpen(Runnable action) {
    lock.writeLock().lock();
    try {
      if (!closed) {
        action.run();
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Runs a change under the exclusive store lock without checking that the store is open. */
  void writeExclusively(Runnable action) {
    lock.writeLock().lock();
    try {
      action.run();
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Runs a read of a pinned version: without the store lock, but never while storage closes. */
  <T> T readWhileStorageOpen(Supplier<T> action) {
    storageOpen.readLock().lock();
    try {
      requireOpen();
      return action.get();
    } finally {
      storageOpen.readLock().unlock();
    }
  }

  /** Marks the store closed and runs {@code closeStorage}, once, holding both locks exclusively. */
  void close(Runnable closeStorage) {
    lock.writeLock().lock();
    storageOpen.writeLock().lock();
    try {
      if (!closed) {
        closed = true;
        closeStorage.run();
      }
    } finally {
      storageOpen.writeLock().unlock();
      lock.writeLock().unlock();
    }
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("state store is closed");
    }
  }
}
