package org.sprintchain.store.rocksdb;

import java.util.Arrays;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.sprintchain.store.engine.KvStorage.EntryVisitor;

/**
 * A column scan that survives transient RocksDB errors without showing the visitor an entry twice.
 * An iterator error ends the loop early and surfaces from {@code status()}; {@link
 * RocksDbErrors#withRetries} then runs the scan again, and each new attempt resumes strictly after
 * the last entry already visited instead of starting over from the first key. A snapshot export
 * hashes every entry it visits, so a repeated entry would give a wrong manifest.
 */
final class ResumableScan {
  /** The part of {@link RocksIterator} a scan uses, so tests can fail it on purpose. */
  interface Cursor extends AutoCloseable {
    void seek(byte[] target);

    boolean isValid();

    byte[] key();

    byte[] value();

    void next();

    /** Throws the error that ended the iteration early, if any. */
    void status() throws RocksDBException;

    @Override
    void close();
  }

  /** Opens a fresh cursor for each attempt. */
  @FunctionalInterface
  interface CursorFactory {
    Cursor open();
  }

  private final CursorFactory cursors;
  private final byte[] from;
  private final EntryVisitor visitor;
  private byte[] lastVisited;
  private boolean stopped;

  ResumableScan(CursorFactory cursors, byte[] from, EntryVisitor visitor) {
    this.cursors = cursors;
    this.from = from;
    this.visitor = visitor;
  }

  /** One attempt; call again (through the retry loop) after it throws a transient error. */
  Void attempt() throws RocksDBException {
    if (stopped) {
      return null;
    }
    try (Cursor it = cursors.open()) {
      if (lastVisited == null) {
        it.seek(from);
      } else {
        it.seek(lastVisited);
        if (it.isValid() && Arrays.equals(it.key(), lastVisited)) {
          it.next();
        }
      }
      for (; it.isValid(); it.next()) {
        byte[] key = it.key();
        lastVisited = key;
        if (!visitor.visit(key, it.value())) {
          stopped = true;
          return null;
        }
      }
      it.status();
    }
    return null;
  }

  /** {@link RocksIterator} as a {@link Cursor}. */
  static Cursor of(RocksIterator it) {
    return new Cursor() {
      @Override
      public void seek(byte[] target) {
        it.seek(target);
      }

      @Override
      public boolean isValid() {
        return it.isValid();
      }

      @Override
      public byte[] key() {
        return it.key();
      }

      @Override
      public byte[] value() {
        return it.value();
      }

      @Override
      public void next() {
        it.next();
      }

      @Override
      public void status() throws RocksDBException {
        it.status();
      }

      @Override
      public void close() {
        it.close();
      }
    };
  }
}
