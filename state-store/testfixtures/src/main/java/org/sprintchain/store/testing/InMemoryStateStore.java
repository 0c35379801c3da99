package org.sprintchain.store.testing;

import java.util.function.UnaryOperator;
import org.sprintchain.store.StoreOptions;
import org.sprintchain.store.engine.KvStorage;
import org.sprintchain.store.engine.MerkleStateStore;

/**
 * The state store in memory, for tests of code that uses a {@link
 * org.sprintchain.store.StateStore}. It runs the same tree, versioning and pruning code as the
 * RocksDB store, so roots, proofs and errors are the same.
 */
public final class InMemoryStateStore extends MerkleStateStore {
  private final InMemoryKvStorage storage;

  private InMemoryStateStore(
      InMemoryKvStorage storage, StoreOptions options, UnaryOperator<KvStorage> decorate) {
    super(decorate.apply(storage), options);
    this.storage = storage;
  }

  /** A fresh archive store that keeps every version. */
  public static InMemoryStateStore create() {
    return open(new InMemoryKvStorage(), StoreOptions.archive());
  }

  public static InMemoryStateStore create(StoreOptions options) {
    return open(new InMemoryKvStorage(), options);
  }

  /** Opens a store on existing data, like a node restarting on its data directory. */
  public static InMemoryStateStore open(InMemoryKvStorage storage, StoreOptions options) {
    return new InMemoryStateStore(storage, options, UnaryOperator.identity());
  }

  /**
   * As {@link #open(InMemoryKvStorage, StoreOptions)}, with every storage call going through {@code
   * decorate(storage)}: lets a test observe or hold up the store's reads and writes.
   */
  public static InMemoryStateStore open(
      InMemoryKvStorage storage, StoreOptions options, UnaryOperator<KvStorage> decorate) {
    return new InMemoryStateStore(storage, options, decorate);
  }

  /** The data under this store, to reopen it or to inspect what pruning left. */
  public InMemoryKvStorage storage() {
    return storage;
  }
}
