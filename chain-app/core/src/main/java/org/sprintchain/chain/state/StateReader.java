package org.sprintchain.chain.state;

import java.util.Optional;
import org.sprintchain.store.StateStore;

/** Read access to one view of the byte-level state. */
@FunctionalInterface
public interface StateReader {
  Optional<byte[]> get(byte[] key);

  /** The latest committed version of {@code store}. */
  static StateReader latest(StateStore store) {
    return store::get;
  }

  /** A retained committed version of {@code store}. */
  static StateReader atVersion(StateStore store, long version) {
    return key -> store.get(key, version);
  }
}
