package org.sprintchain.chain.state;

import org.sprintchain.chain.crypto.Address;
import org.sprintchain.store.WriteSet;

/** A typed, writable view: {@link ChainState} over a {@link StateOverlay}. */
public final class WorkingState extends ChainState {
  private final StateOverlay overlay;

  public WorkingState(StateOverlay overlay) {
    super(overlay);
    this.overlay = overlay;
  }

  public void putAccount(Address address, Account account) {
    overlay.put(StateKeys.account(address), account.encode());
  }

  public void putParams(Params params) {
    overlay.put(StateKeys.params(), params.encode());
  }

  public void putChainMeta(ChainMeta meta) {
    overlay.put(StateKeys.chain(), meta.encode());
  }

  /** Stages a raw write, for modules that keep their own schema (the sprint rules). */
  public void putRaw(byte[] key, byte[] value) {
    overlay.put(key, value);
  }

  /** Stages a raw delete. */
  public void deleteRaw(byte[] key) {
    overlay.delete(key);
  }

  /**
   * A child view whose writes stay out of this one until {@link #merge(WorkingState)}: a failed
   * message is dropped by simply discarding its branch.
   */
  public WorkingState branch() {
    return new WorkingState(new StateOverlay(overlay));
  }

  /** Applies everything {@code child} (a {@link #branch()} of this state) has staged. */
  public void merge(WorkingState child) {
    for (var e : child.overlay.writes().entries().entrySet()) {
      if (e.getValue() == null) {
        overlay.delete(e.getKey().toByteArray());
      } else {
        overlay.put(e.getKey().toByteArray(), e.getValue());
      }
    }
  }

  /** A copy of everything staged so far. */
  public WriteSet writes() {
    return overlay.writes();
  }
}
