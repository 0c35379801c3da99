package org.sprintchain.store.rocksdb;

import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sprintchain.store.StoreOptions;
import org.sprintchain.store.engine.KvStorage;
import org.sprintchain.store.engine.MerkleStateStore;
import org.sprintchain.store.engine.StoreColumn;

/**
 * The production {@link org.sprintchain.store.StateStore}: the shared Merkle store engine on a
 * RocksDB directory. Every commit is one synced WriteBatch.
 */
public final class RocksDbStateStore extends MerkleStateStore {
  private static final Logger LOG = LoggerFactory.getLogger(RocksDbStateStore.class);

  private final RocksDbKvStorage storage;
  private final Path directory;

  private RocksDbStateStore(
      RocksDbKvStorage storage,
      Path directory,
      StoreOptions options,
      UnaryOperator<KvStorage> decorate) {
    super(decorate.apply(storage), options);
    this.storage = storage;
    this.directory = directory;
  }

  /**
   * Opens the store in {@code dir}, creating it when empty.
   *
   * @throws org.sprintchain.store.UnsupportedStoreFormatException when another on-disk format
   *     version wrote the store
   * @throws org.sprintchain.store.StoreCorruptedException when RocksDB cannot open it
   */
  public static RocksDbStateStore open(Path dir, StoreOptions options) {
    return open(dir, options, UnaryOperator.identity());
  }

  /** For tests: every storage call goes through {@code decorate(storage)}. */
  static RocksDbStateStore open(Path dir, StoreOptions options, UnaryOperator<KvStorage> decorate) {
    RocksDbKvStorage storage = new RocksDbKvStorage(dir);
    try {
      RocksDbStateStore store = new RocksDbStateStore(storage, dir, options, decorate);
      LOG.info("Opened state store at {} at version {} ({})", dir, store.latestVersion(), options);
      return store;
    } catch (RuntimeException e) {
      storage.close();
      throw e;
    }
  }

  public Path directory() {
    return directory;
  }

  /** Entries in a column, counted by a full scan; for tests and diagnostics only. */
  public long countEntries(StoreColumn column) {
    return storage.countEntries(column);
  }
}
