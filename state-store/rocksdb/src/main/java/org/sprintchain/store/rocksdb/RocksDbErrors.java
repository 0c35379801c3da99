package org.sprintchain.store.rocksdb;

import org.rocksdb.RocksDBException;
import org.rocksdb.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sprintchain.store.StoreCorruptedException;
import org.sprintchain.store.StoreUnavailableException;

/**
 * Sorts RocksDB failures into transient ones, retried here, and everything else, which halts the
 * node through {@link StoreCorruptedException} (after a failed write RocksDB may hold a background
 * error and refuse further writes; carrying on would risk a half-applied block).
 */
final class RocksDbErrors {
  private static final Logger LOG = LoggerFactory.getLogger(RocksDbErrors.class);
  private static final long[] BACKOFF_MILLIS = {5, 50, 250};

  private RocksDbErrors() {}

  /** A RocksDB call that may throw. */
  @FunctionalInterface
  interface RocksCall<T> {
    T run() throws RocksDBException;
  }

  /** Busy, timed out, try again: contention that clears by itself; nothing was changed. */
  static boolean isRecoverable(RocksDBException e) {
    Status status = e.getStatus();
    if (status == null) {
      return false;
    }
    return switch (status.getCode()) {
      case Busy, TimedOut, TryAgain -> true;
      default -> false;
    };
  }

  /** Runs {@code call}, retrying transient failures with a short backoff. */
  static <T> T withRetries(String operation, RocksCall<T> call) {
    for (int attempt = 0; ; attempt++) {
      try {
        return call.run();
      } catch (RocksDBException e) {
        if (!isRecoverable(e)) {
          throw new StoreCorruptedException(
              "RocksDB " + operation + " failed unrecoverably (" + describe(e) + ")", e);
        }
        if (attempt == BACKOFF_MILLIS.length) {
          throw new StoreUnavailableException(
              "RocksDB " + operation + " kept failing (" + describe(e) + ")", e);
        }
        LOG.warn("RocksDB {} failed transiently ({}), retrying", operation, describe(e));
        sleep(BACKOFF_MILLIS[attempt]);
      }
    }
  }

  static String describe(RocksDBException e) {
    Status status = e.getStatus();
    return status == null ? e.getMessage() : status.getCodeString() + ": " + e.getMessage();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreUnavailableException("interrupted while retrying a RocksDB call", e);
    }
  }
}
