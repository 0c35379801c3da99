package org.sprintchain.store.schema;

import java.util.Optional;
import org.sprintchain.store.StateStore;
import org.sprintchain.store.WriteSet;

/**
 * Read access to one state: a committed version of a store, or the working state of a block being
 * executed (staged writes over the latest committed version). {@link Column} and {@link Variable}
 * read through it.
 */
public interface StateView {

  Optional<byte[]> get(byte[] key);

  /**
   * Entries whose key starts with {@code prefix}, in unsigned key order, until the visitor stops.
   */
  void iterate(byte[] prefix, StateStore.EntryVisitor visitor);

  /**
   * A retained committed version; reads throw {@link
   * org.sprintchain.store.VersionNotAvailableException} once pruning removes it.
   */
  static StateView committed(StateStore store, long version) {
    return new StateView() {
      @Override
      public Optional<byte[]> get(byte[] key) {
        return store.get(key, version);
      }

      @Override
      public void iterate(byte[] prefix, StateStore.EntryVisitor visitor) {
        store.iterate(prefix, version, visitor);
      }
    };
  }

  /** The latest committed version at the time of each call. */
  static StateView latest(StateStore store) {
    return new StateView() {
      @Override
      public Optional<byte[]> get(byte[] key) {
        return store.get(key);
      }

      @Override
      public void iterate(byte[] prefix, StateStore.EntryVisitor visitor) {
        store.iterate(prefix, store.latestVersion(), visitor);
      }
    };
  }

  /**
   * {@code staged} over {@code base}: a staged put or delete wins over the base, and iteration
   * merges both in key order. The write set is read live, so later writes show.
   */
  static StateView working(StateView base, WriteSet staged) {
    return new WorkingStateView(base, staged);
  }
}
