package org.sprintchain.chain.state;

import java.util.Map;
import java.util.Optional;
import org.sprintchain.store.ByteKey;
import org.sprintchain.store.WriteSet;

/**
 * Staged writes over a base view: reads see the staged value first, then the base. Nothing reaches
 * the store until the owner hands {@link #writes()} to {@code StateStore.prepare}.
 */
public final class StateOverlay implements StateReader {
  private final StateReader base;
  private final WriteSet writes = new WriteSet();

  public StateOverlay(StateReader base) {
    this.base = base;
  }

  /** An overlay over {@code base} that starts with a copy of {@code staged}. */
  public static StateOverlay withStaged(StateReader base, WriteSet staged) {
    StateOverlay overlay = new StateOverlay(base);
    for (Map.Entry<ByteKey, byte[]> e : staged.entries().entrySet()) {
      if (e.getValue() == null) {
        overlay.delete(e.getKey().toByteArray());
      } else {
        overlay.put(e.getKey().toByteArray(), e.getValue());
      }
    }
    return overlay;
  }

  @Override
  public Optional<byte[]> get(byte[] key) {
    Optional<Optional<byte[]>> staged = writes.lookup(key);
    return staged.isPresent() ? staged.get() : base.get(key);
  }

  public void put(byte[] key, byte[] value) {
    writes.put(key, value);
  }

  public void delete(byte[] key) {
    writes.delete(key);
  }

  /** A copy of the staged writes. */
  public WriteSet writes() {
    WriteSet copy = new WriteSet();
    for (Map.Entry<ByteKey, byte[]> e : writes.entries().entrySet()) {
      if (e.getValue() == null) {
        copy.delete(e.getKey().toByteArray());
      } else {
        copy.put(e.getKey().toByteArray(), e.getValue());
      }
    }
    return copy;
  }
}
