package org.sprintchain.store.schema;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import org.sprintchain.store.ByteKey;
import org.sprintchain.store.StateStore;
import org.sprintchain.store.WriteSet;

/**
 * Staged writes over a base view. Iteration is a streaming merge of the base's entries with the
 * staged ones under the prefix (both come in unsigned key order), so a large column is never copied
 * into memory.
 */
final class WorkingStateView implements StateView {
  private final StateView base;
  private final WriteSet staged;

  WorkingStateView(StateView base, WriteSet staged) {
    this.base = base;
    this.staged = staged;
  }

  @Override
  public Optional<byte[]> get(byte[] key) {
    Optional<Optional<byte[]>> write = staged.lookup(key);
    return write.isPresent() ? write.get() : base.get(key);
  }

  @Override
  public void iterate(byte[] prefix, StateStore.EntryVisitor visitor) {
    Iterator<Map.Entry<ByteKey, byte[]>> writes =
        staged.entries().tailMap(ByteKey.of(prefix)).entrySet().iterator();
    Merge merge = new Merge(prefix, writes, visitor);
    base.iterate(prefix, merge::visitBase);
    if (!merge.stopped) {
      merge.drainStaged(null);
    }
  }

  /** Merge state: the next staged write not yet passed, and whether the visitor stopped. */
  private static final class Merge {
    private final byte[] prefix;
    private final Iterator<Map.Entry<ByteKey, byte[]>> writes;
    private final StateStore.EntryVisitor visitor;
    private Map.Entry<ByteKey, byte[]> next;
    private boolean stopped;

    Merge(byte[] prefix, Iterator<Map.Entry<ByteKey, byte[]>> writes, StateStore.EntryVisitor v) {
      this.prefix = prefix;
      this.writes = writes;
      this.visitor = v;
      advance();
    }

    boolean visitBase(byte[] key, byte[] value) {
      drainStaged(key);
      if (stopped) {
        return false;
      }
      if (next != null && Arrays.equals(next.getKey().toByteArray(), key)) {
        Map.Entry<ByteKey, byte[]> write = next; // the staged write replaces the base entry
        advance();
        return emit(write);
      }
      return deliver(key, value);
    }

    /** Emits staged entries below {@code limit} (all of them when null). */
    void drainStaged(byte[] limit) {
      while (!stopped
          && next != null
          && (limit == null || Arrays.compareUnsigned(next.getKey().toByteArray(), limit) < 0)) {
        Map.Entry<ByteKey, byte[]> write = next;
        advance();
        emit(write);
      }
    }

    private boolean emit(Map.Entry<ByteKey, byte[]> write) {
      return write.getValue() == null || deliver(write.getKey().toByteArray(), write.getValue());
    }

    private boolean deliver(byte[] key, byte[] value) {
      if (!visitor.visit(key, value.clone())) {
        stopped = true;
      }
      return !stopped;
    }

    private void advance() {
      next = null;
      if (writes.hasNext()) {
        Map.Entry<ByteKey, byte[]> e = writes.next();
        if (e.getKey().startsWith(prefix)) {
          next = e;
        }
      }
    }
  }
}
