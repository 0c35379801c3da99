package org.sprintchain.store.rocksdb;

import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.io.TempDir;
import org.sprintchain.store.StateStore;
import org.sprintchain.store.StoreOptions;
import org.sprintchain.store.engine.KvStorage;
import org.sprintchain.store.engine.StoreColumn;
import org.sprintchain.store.testing.ExportPinningContractTest;

class RocksDbExportPinningContractTest extends ExportPinningContractTest {
  @TempDir Path root;
  private int stores;

  @Override
  protected StateStore createStore(StoreOptions options, UnaryOperator<KvStorage> decorate) {
    return RocksDbStateStore.open(root.resolve("db" + stores++), options, decorate);
  }

  @Override
  protected StateStore reopenStore(StateStore store, StoreOptions options) {
    store.close();
    return RocksDbStateStore.open(((RocksDbStateStore) store).directory(), options);
  }

  @Override
  protected long storedEntries(StateStore store, StoreColumn column) {
    return ((RocksDbStateStore) store).countEntries(column);
  }
}
